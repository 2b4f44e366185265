package dev.piimap.scanner.extract;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.UnsupportedFormatException;
import org.apache.tika.exception.ZeroByteFileException;
import org.xml.sax.SAXParseException;

import java.util.Locale;
import java.util.Map;

/**
 * Turns whatever a parse threw into an outcome whose reason names a limit or a failure class, never a
 * parser message (those may quote the document). Tika's own fixed messages are inspected only to
 * tell its limits apart; they are not copied into the reason.
 */
final class FailureReasons {
    private static final Map<String, String> FORMAT_LABELS = Map.ofEntries(
            Map.entry("application/pdf", "PDF"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PPTX"),
            Map.entry("application/msword", "DOC"),
            Map.entry("application/vnd.ms-excel", "XLS"),
            Map.entry("application/vnd.ms-powerpoint", "PPT"),
            Map.entry("application/vnd.ms-outlook", "MSG"),
            Map.entry("application/rtf", "RTF"),
            Map.entry("application/zip", "ZIP"),
            Map.entry("application/gzip", "GZIP"),
            Map.entry("application/x-tar", "TAR"),
            Map.entry("application/x-7z-compressed", "7Z"),
            Map.entry("message/rfc822", "e-mail"),
            Map.entry("application/xml", "XML"),
            Map.entry("text/xml", "XML"),
            Map.entry("text/html", "HTML"),
            Map.entry("application/xhtml+xml", "HTML"),
            Map.entry("text/plain", "text"),
            Map.entry("text/csv", "CSV"),
            Map.entry("application/json", "JSON"));

    /** Cause chains are followed this far, so that a cyclic chain cannot loop. */
    private static final int MAX_CAUSES = 32;

    private FailureReasons() {
    }

    /**
     * The outcome of a document whose parse threw {@code failure}.
     *
     * @param contentType the detected type (Tika's {@code Content-Type}), or null
     * @param hadText     whether the document produced text (or embedded documents) before it failed
     */
    static DocumentOutcome outcome(Throwable failure, ItemBudget budget, String contentType, boolean hadText) {
        if (budget.stopped()) {
            return DocumentOutcome.cutBy(budget.stopReason(), hadText);
        }
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
            if (t instanceof EncryptedDocumentException) {
                return DocumentOutcome.skipped("encrypted");
            }
            if (t instanceof ZeroByteFileException) {
                return DocumentOutcome.skipped("empty file");
            }
            if (t instanceof UnsupportedFormatException) {
                return DocumentOutcome.skipped("unsupported format (" + mediaType(contentType) + ")");
            }
            if (t instanceof LimitExceededException) {
                return DocumentOutcome.cutBy(t.getMessage(), hadText);
            }
            String limit = tikaLimit(t, budget.limits());
            if (limit != null) {
                budget.noteLimit(limit);
                return DocumentOutcome.cutBy(limit, hadText);
            }
        }
        String cls = failure.getClass().getSimpleName();
        if (failure instanceof OutOfMemoryError) {
            return DocumentOutcome.error("out of memory (" + cls + ")");
        }
        if (failure instanceof StackOverflowError) {
            return DocumentOutcome.error("nesting too deep for the parser (" + cls + ")");
        }
        if (failure instanceof RuntimeException || failure instanceof Error) {
            return DocumentOutcome.error("parser failure on " + label(contentType) + " (" + cls + ")");
        }
        return DocumentOutcome.error("corrupt or unparseable " + label(contentType) + " (" + cls + ")");
    }

    /** A short name for a media type: {@code PDF}, {@code DOCX}, else the type without parameters. */
    static String label(String contentType) {
        String type = mediaType(contentType);
        return FORMAT_LABELS.getOrDefault(type, type);
    }

    /** The media type without parameters, or {@code application/octet-stream} when unknown. */
    static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "application/octet-stream";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** Recognises the limits Tika enforces itself (SecureContentHandler, the XML parser's entity limit). */
    private static String tikaLimit(Throwable t, ExtractionLimits limits) {
        String message = String.valueOf(t.getMessage());
        if (t.getClass().getSimpleName().equals("SecureSAXException")) {
            return message.contains("nesting") && !message.contains("package entry")
                    ? LimitReasons.xmlDepth(limits.maxXmlDepth())
                    : message.contains("package entry") ? LimitReasons.embeddedDepth(limits.maxEmbeddedDepth())
                    : LimitReasons.outputRatio(limits.maxZipRatio());
        }
        if (t instanceof SAXParseException && message.contains("JAXP0001")) {
            return message.contains("JAXP00010001") ? LimitReasons.xmlEntityExpansion() : "XML parser limit (JAXP)";
        }
        return null;
    }
}
