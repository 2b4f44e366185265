package dev.piimap.scanner.extract;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Whether images and scanned PDF pages are read with optical character recognition (Tesseract, run
 * by Tika as an external process), and how. OCR happens only when it is enabled <em>and</em> the
 * {@code tesseract} program is found; otherwise an image without text ends {@code skipped} with the
 * reason {@value #NO_ENGINE} (or {@value #OFF} when switched off), so a report shows which assets were
 * never read rather than reporting them as clean.
 *
 * @param enabled       {@code extraction.ocr: auto} (default, OCR when Tesseract is installed) or {@code off}
 * @param languages     Tesseract language codes joined with {@code +}, e.g. {@code eng+deu}
 * @param tesseractPath the folder holding the {@code tesseract} program, or null to search the PATH
 */
public record OcrSettings(boolean enabled, String languages, String tesseractPath) implements Serializable {
    /** Reason of an image or scanned page that stays unread because no OCR engine is installed. */
    public static final String NO_ENGINE = "no OCR engine";
    /** Reason of an image or scanned page that stays unread because OCR is switched off. */
    public static final String OFF = "OCR switched off";
    public static final String DEFAULT_LANGUAGES = "eng";

    /** Tesseract language codes: letters, digits and underscores, joined with '+'. */
    private static final Pattern LANGUAGES = Pattern.compile("[A-Za-z0-9_]+(\\+[A-Za-z0-9_]+)*");

    public OcrSettings {
        Objects.requireNonNull(languages, "languages");
        if (!LANGUAGES.matcher(languages).matches()) {
            throw new IllegalArgumentException("OCR languages must be Tesseract codes joined with '+', e.g. eng+deu");
        }
        tesseractPath = tesseractPath == null || tesseractPath.isBlank() ? null : tesseractPath;
    }

    /** OCR in English wherever Tesseract is installed on the PATH. */
    public static OcrSettings auto() {
        return new OcrSettings(true, DEFAULT_LANGUAGES, null);
    }

    public static OcrSettings off() {
        return new OcrSettings(false, DEFAULT_LANGUAGES, null);
    }

    /** Whether OCR runs in this JVM: enabled, and Tesseract found (checked once per JVM and location). */
    public boolean active() {
        return OcrEngine.active(this);
    }

    public OcrSettings withTesseractPath(String path) {
        return new OcrSettings(enabled, languages, path);
    }
}
