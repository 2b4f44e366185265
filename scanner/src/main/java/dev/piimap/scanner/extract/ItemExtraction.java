package dev.piimap.scanner.extract;

import dev.piimap.scanner.source.ItemStatus;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TemporaryResources;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Message;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.xml.sax.ContentHandler;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The parse of one item, on one thread: parses the item with Tika and, as Tika's embedded-document
 * extractor, parses each embedded document again with its own text handler, so every document's text
 * reaches the sink separately. Enforces the embedded depth and count limits and charges container
 * output to the item's zip-bomb budget. Single use.
 */
final class ItemExtraction implements EmbeddedDocumentExtractor {
    /** Metadata that carries personal data as often as the body does: authors, titles, mail headers. */
    private static final List<String> TEXT_METADATA = List.of(
            TikaCoreProperties.TITLE.getName(), TikaCoreProperties.SUBJECT.getName(),
            TikaCoreProperties.DESCRIPTION.getName(), TikaCoreProperties.CREATOR.getName(),
            TikaCoreProperties.CONTRIBUTOR.getName(), Office.LAST_AUTHOR.getName(),
            Message.MESSAGE_FROM, Message.MESSAGE_TO, Message.MESSAGE_CC, Message.MESSAGE_BCC,
            Message.MESSAGE_RECIPIENT_ADDRESS);

    /**
     * Author values that name the software that wrote a file, not a person (lower-case). Feeding them
     * would report "Apache POI" as a person's name in every generated Office document.
     */
    private static final java.util.Set<String> SOFTWARE_AUTHORS = java.util.Set.of("apache poi", "microsoft office user",
            "microsoft office", "microsoft word", "python-docx", "openpyxl", "libreoffice", "openoffice", "writer",
            "administrator", "admin", "user", "unknown", "author");

    private final Parser parser;
    private final ItemBudget budget;
    private final DocumentSink sink;
    private final ParseContext context = new ParseContext();
    private final EmbeddedNames names = new EmbeddedNames();
    private final Deque<Frame> open = new ArrayDeque<>();
    private final boolean ocrActive;

    private static final class Frame {
        final String path;
        int children;

        Frame(String path) {
            this.path = path;
        }
    }

    ItemExtraction(Parser parser, ItemBudget budget, DocumentSink sink) {
        this.parser = parser;
        this.budget = budget;
        this.sink = sink;
        context.set(Parser.class, parser);
        context.set(EmbeddedDocumentExtractor.class, this);
        ocrActive = OcrEngine.active(budget.limits().ocr());
        PDFParserConfig pdf = new PDFParserConfig();
        // AUTO: pages with (almost) no text layer are rendered and read by Tesseract; others are not.
        pdf.setOcrStrategy(ocrActive ? PDFParserConfig.OCR_STRATEGY.AUTO : PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdf);
    }

    /** Parses the item; returns once its document has ended. */
    void run(InputStream stream, String name, long size) {
        names.reserve(name);
        Metadata metadata = new Metadata();
        int slash = name.lastIndexOf('/');
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name.substring(slash + 1));
        if (size >= 0) {
            metadata.set(Metadata.CONTENT_LENGTH, Long.toString(size));
        }
        ExtractionLimits limits = budget.limits();
        // A file-backed stream of known size (checked already) is parsed from the file, without a copy.
        InputStream in = size >= 0 && stream instanceof TikaInputStream tis && tis.hasFile() ? stream
                : new BudgetedInputStream(stream, budget, false, limits.maxBytesPerItem(),
                        LimitReasons.size(limits.maxBytesPerItem()));
        parseDocument(name, in, metadata, size >= 0 ? size : null);
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        return !budget.stopped();
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler parentHandler, Metadata metadata, boolean outputHtml)
            throws IOException {
        budget.checkNotStopped();
        Frame parent = open.peek();
        if (parent == null || !budget.claimEmbeddedSlot()) {
            return;
        }
        parent.children++;
        String path = names.childPath(parent.path, metadata, parent.children);
        Long declared = declaredSize(metadata);
        int depth = open.size();
        ExtractionLimits limits = budget.limits();
        if (depth > limits.maxEmbeddedDepth()) {
            skip(path, declared, LimitReasons.embeddedDepth(limits.maxEmbeddedDepth()));
        } else if (declared != null && declared > budget.remainingExpansion()) {
            // The archive declares more than the ratio allows: a bomb. Stop the item here, since the
            // container parser would decompress the entry anyway to walk past it (42.zip style).
            skip(path, declared, LimitReasons.zipBomb(limits.maxZipRatio()));
            budget.stop(LimitReasons.zipBomb(limits.maxZipRatio()));
        } else {
            InputStream budgeted = new BudgetedInputStream(stream, budget, true, Long.MAX_VALUE, null);
            TemporaryResources tmp = new TemporaryResources();
            try {
                TikaInputStream tis = TikaInputStream.get(budgeted, tmp, metadata);
                if (stream instanceof TikaInputStream parentStream && parentStream.getOpenContainer() != null) {
                    tis.setOpenContainer(parentStream.getOpenContainer());
                }
                parseDocument(path, tis, metadata, declared);
                drainCharged(budgeted);
            } finally {
                closeQuietly(tmp);
            }
        }
        // Once the item is stopped, fail the container's parse too instead of letting it go on.
        budget.checkNotStopped();
    }

    private void parseDocument(String path, InputStream stream, Metadata metadata, Long bytes) {
        boolean root = open.isEmpty();
        sink.start(path, bytes);
        Frame frame = new Frame(path);
        open.push(frame);
        TextChunker text = new TextChunker(path, sink, budget);
        DocumentOutcome outcome;
        try {
            parser.parse(stream, text, metadata, context);
            feedMetadata(metadata, text);
            text.flush();
            outcome = finished(frame, text, metadata);
        } catch (Throwable failure) { // a parser may throw anything, OutOfMemoryError included
            flushQuietly(text);
            outcome = FailureReasons.outcome(failure, budget, metadata.get(Metadata.CONTENT_TYPE),
                    text.sawText() || frame.children > 0);
        } finally {
            open.pop();
        }
        if (root && outcome.status() == ItemStatus.OK && budget.firstLimitHit() != null) {
            outcome = DocumentOutcome.truncated(budget.stopped() ? budget.stopReason() : budget.firstLimitHit());
        }
        sink.end(path, outcome);
    }

    private DocumentOutcome finished(Frame frame, TextChunker text, Metadata metadata) {
        if (text.truncated()) {
            return DocumentOutcome.truncated(LimitReasons.characters(budget.limits().maxCharsPerItem()));
        }
        if (!text.sawText() && frame.children == 0) {
            String mediaType = FailureReasons.mediaType(metadata.get(Metadata.CONTENT_TYPE));
            if (!ocrActive && needsOcr(mediaType)) {
                return DocumentOutcome.skipped(OcrEngine.inactiveReason(budget.limits().ocr()) + " (" + mediaType + ")");
            }
            return DocumentOutcome.skipped("no text extracted (" + mediaType + ")");
        }
        return DocumentOutcome.ok();
    }

    /** Documents whose text, if any, is in pixels: images, and PDFs without a text layer (scans). */
    private static boolean needsOcr(String mediaType) {
        return mediaType.startsWith("image/") || mediaType.equals("application/pdf");
    }

    private void skip(String path, Long bytes, String limit) {
        budget.noteLimit(limit);
        sink.start(path, bytes);
        sink.end(path, DocumentOutcome.skipped(limit));
    }

    private static void feedMetadata(Metadata metadata, TextChunker text) {
        Set<String> values = new LinkedHashSet<>();
        for (String key : TEXT_METADATA) {
            for (String value : metadata.getValues(key)) {
                if (value != null && !value.isBlank()
                        && !SOFTWARE_AUTHORS.contains(value.strip().toLowerCase(java.util.Locale.ROOT))) {
                    values.add(value.strip());
                }
            }
        }
        values.forEach(text::appendText);
    }

    private static Long declaredSize(Metadata metadata) {
        String value = metadata.get(Metadata.CONTENT_LENGTH);
        if (value == null) {
            return null;
        }
        try {
            long n = Long.parseLong(value.trim());
            return n >= 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Reads what the entry's parser left unread, charging it to the zip-bomb budget. A container parser
     * walking a stream decompresses a skipped entry anyway to reach the next one; uncharged, entries
     * no parser reads (binary blobs of zeros, 42.zip style) would unpack without limit. The drain stops
     * as soon as the budget is spent, which stops the item.
     */
    private static void drainCharged(InputStream budgeted) {
        byte[] buffer = new byte[64 * 1024];
        try {
            while (budgeted.read(buffer) >= 0) {
                // charged by the budgeted stream; nothing else to do with the bytes
            }
        } catch (LimitExceededException e) {
            // the budget stopped the item; the caller's checkNotStopped ends the container
        } catch (IOException | RuntimeException e) {
            // a broken entry stream: its parser already had its say in the outcome
        }
    }

    private static void flushQuietly(TextChunker text) {
        try {
            text.flush();
        } catch (RuntimeException e) {
            // The document already failed; what it said so far is best effort.
        }
    }

    private static void closeQuietly(TemporaryResources tmp) {
        try {
            tmp.close();
        } catch (IOException | RuntimeException e) {
            // Temporary files of an embedded document: nothing more to do than try.
        }
    }
}
