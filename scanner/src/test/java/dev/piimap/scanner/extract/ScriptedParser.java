package dev.piimap.scanner.extract;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

import java.io.InputStream;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A parser that misbehaves on purpose, to prove the extractor's callers survive it: it writes some text
 * (which quotes an e-mail address, as a real document would) and then hangs, spins ignoring interrupts,
 * throws with the content in its message, or runs out of memory.
 */
class ScriptedParser implements Parser {
    static final String TEXT = "leaked@example.com wrote this";

    enum Script { HANG, SPIN_IGNORING_INTERRUPTS, THROW_WITH_CONTENT, OUT_OF_MEMORY }

    private final Script script;
    /** Lets a test end a spinning parse so the abandoned thread does not outlive it. */
    final AtomicBoolean release = new AtomicBoolean();

    ScriptedParser(Script script) {
        this.script = script;
    }

    @Override
    public Set<MediaType> getSupportedTypes(ParseContext context) {
        return Set.of(MediaType.TEXT_PLAIN);
    }

    @Override
    public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
            throws SAXException {
        metadata.set(Metadata.CONTENT_TYPE, "text/plain");
        handler.startDocument();
        handler.startElement("", "p", "p", new AttributesImpl());
        handler.characters(TEXT.toCharArray(), 0, TEXT.length());
        switch (script) {
            case HANG -> {
                try {
                    Thread.sleep(600_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SAXException("interrupted while reading " + TEXT);
                }
            }
            case SPIN_IGNORING_INTERRUPTS -> {
                while (!release.get()) {
                    Thread.onSpinWait();
                }
            }
            case THROW_WITH_CONTENT -> throw new IllegalStateException("cannot parse near '" + TEXT + "'");
            case OUT_OF_MEMORY -> throw new OutOfMemoryError("Java heap space");
        }
        handler.endElement("", "p", "p");
        handler.endDocument();
    }
}
