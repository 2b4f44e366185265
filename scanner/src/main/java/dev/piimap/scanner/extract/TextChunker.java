package dev.piimap.scanner.extract;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Receives one document's XHTML events from Tika and streams its body text to the sink in chunks of
 * about {@link #CHUNK_CHARS} characters, cut at whitespace. Keeps at most the character limit of text
 * (the rest is dropped and the document marked truncated) and holds at most two chunks in memory.
 * Text inside {@code <head>} is skipped: the title and other metadata are fed once, from the metadata.
 * Layout whitespace Tika adds before the document's first text (line breaks after {@code <body>}) is dropped,
 * so line numbers in the text are those of the document (a plain-text file's line 3 is line 3).
 * Element nesting deeper than the XML depth limit stops the document.
 */
final class TextChunker extends DefaultHandler {
    static final int CHUNK_CHARS = 16_384;

    private final String path;
    private final DocumentSink sink;
    private final ItemBudget budget;
    private final long maxChars;
    private final int maxDepth;
    private final StringBuilder buffer = new StringBuilder(CHUNK_CHARS + 1024);
    private long accepted;
    private boolean sawText;
    private boolean sawCharacters;
    private boolean truncated;
    private int headDepth;
    private int depth;

    TextChunker(String path, DocumentSink sink, ItemBudget budget) {
        this.path = path;
        this.sink = sink;
        this.budget = budget;
        this.maxChars = budget.limits().maxCharsPerItem();
        this.maxDepth = budget.limits().maxXmlDepth();
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        checkNotStopped();
        if (++depth > maxDepth) {
            String limit = LimitReasons.xmlDepth(maxDepth);
            budget.noteLimit(limit);
            throw new SAXException(new LimitExceededException(limit));
        }
        if (headDepth > 0 || "head".equals(localName)) {
            headDepth++;
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        depth--;
        if (headDepth > 0) {
            headDepth--;
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        checkNotStopped();
        if (headDepth == 0) {
            sawCharacters = true;
            append(ch, start, length);
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        checkNotStopped();
        if (headDepth == 0 && sawCharacters) {
            append(ch, start, length);
        }
    }

    /** Adds text that is not part of the body (metadata values), under the same character limit. */
    void appendText(String text) {
        append(text.toCharArray(), 0, text.length());
        append(new char[] {'\n'}, 0, 1);
    }

    /** Sends what is buffered; call once the document is parsed (or abandoned). */
    void flush() {
        if (!buffer.isEmpty()) {
            sink.text(path, buffer.toString());
            buffer.setLength(0);
        }
    }

    /** Whether any non-whitespace text was seen (including text past the character limit). */
    boolean sawText() {
        return sawText;
    }

    /** Whether text was dropped at the character limit. */
    boolean truncated() {
        return truncated;
    }

    private void append(char[] ch, int start, int length) {
        if (!sawText) {
            for (int i = start; i < start + length; i++) {
                if (!Character.isWhitespace(ch[i])) {
                    sawText = true;
                    break;
                }
            }
        }
        long room = maxChars - accepted;
        int take = (int) Math.min(length, Math.max(0, room));
        if (take < length && !truncated) {
            truncated = true;
            budget.noteLimit(LimitReasons.characters(maxChars));
        }
        int offset = start;
        int remaining = take;
        while (remaining > 0) {
            int n = Math.min(remaining, CHUNK_CHARS + 1024 - buffer.length());
            buffer.append(ch, offset, n);
            offset += n;
            remaining -= n;
            if (buffer.length() >= CHUNK_CHARS) {
                emitUpToLastWhitespace();
            }
        }
        accepted += take;
    }

    private void emitUpToLastWhitespace() {
        int cut = buffer.length();
        for (int i = buffer.length() - 1; i >= CHUNK_CHARS / 2; i--) {
            if (Character.isWhitespace(buffer.charAt(i))) {
                cut = i + 1;
                break;
            }
        }
        sink.text(path, buffer.substring(0, cut));
        buffer.delete(0, cut);
    }

    private void checkNotStopped() throws SAXException {
        try {
            budget.checkNotStopped();
        } catch (LimitExceededException e) {
            throw new SAXException(e);
        }
    }
}
