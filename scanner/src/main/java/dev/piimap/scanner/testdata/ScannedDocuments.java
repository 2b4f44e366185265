package dev.piimap.scanner.testdata;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Documents whose text exists only as pixels, generated at run time: a PNG "photo of a form" and a
 * PDF made of a scanned page image without a text layer. Text is drawn black on white in a large
 * sans-serif font, as a 300 dpi scan would show it, so OCR can read it back.
 */
public final class ScannedDocuments {
    private static final int WIDTH = 1700;
    private static final int LINE_HEIGHT = 64;
    private static final int MARGIN = 80;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private ScannedDocuments() {
    }

    /** A PNG image showing {@code lines}, one per row. */
    public static void png(Path path, List<String> lines) throws IOException {
        if (!ImageIO.write(render(lines), "png", path.toFile())) {
            throw new IOException("no PNG writer in this JVM");
        }
    }

    /** A one-page PDF whose only content is an image of {@code lines}: no text layer, as a scanner makes. */
    public static void scannedPdf(Path path, List<String> lines) throws IOException {
        BufferedImage image = render(lines);
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDImageXObject scan = LosslessFactory.createFromImage(doc, image);
            float width = page.getMediaBox().getWidth();
            float height = width * image.getHeight() / image.getWidth();
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(scan, 0, page.getMediaBox().getHeight() - height, width, height);
            }
            doc.save(path.toFile());
        }
    }

    private static BufferedImage render(List<String> lines) {
        int height = MARGIN * 2 + LINE_HEIGHT * Math.max(1, lines.size());
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 44));
            int y = MARGIN + LINE_HEIGHT / 2;
            for (String line : lines) {
                g.drawString(line, MARGIN, y);
                y += LINE_HEIGHT;
            }
        } finally {
            g.dispose();
        }
        return image;
    }
}
