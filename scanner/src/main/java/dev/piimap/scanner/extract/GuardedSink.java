package dev.piimap.scanner.extract;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;

/**
 * Stands between a parsing thread and the caller's sink. It remembers which documents are open, so
 * that when a parse is abandoned the caller can end them all, and after {@link #close} it drops
 * every further call from the abandoned thread.
 */
final class GuardedSink implements DocumentSink {
    private final DocumentSink target;
    private final Deque<Open> open = new ArrayDeque<>();
    private boolean rootStarted;
    private boolean closed;

    private static final class Open {
        final String path;
        /** Whether the document sent text or had an embedded document start: then a cut truncates it. */
        boolean hadContent;

        Open(String path) {
            this.path = path;
        }
    }

    GuardedSink(DocumentSink target) {
        this.target = target;
    }

    @Override
    public synchronized void start(String path, Long bytes) {
        if (!closed) {
            rootStarted = true;
            if (!open.isEmpty()) {
                open.peek().hadContent = true;
            }
            open.push(new Open(path));
            target.start(path, bytes);
        }
    }

    @Override
    public synchronized void text(String path, CharSequence chunk) {
        if (!closed) {
            Open current = open.peek();
            if (current != null && current.path.equals(path)) {
                current.hadContent = true;
            }
            target.text(path, chunk);
        }
    }

    @Override
    public synchronized void end(String path, DocumentOutcome outcome) {
        if (!closed) {
            open.removeIf(o -> o.path.equals(path));
            target.end(path, outcome);
        }
    }

    /**
     * Ends every document still open, innermost first, with the outcome {@code cut} gives for it
     * (told whether the document had sent text or embedded documents), makes sure the item itself was reported, then
     * ignores all further calls.
     */
    synchronized void close(String rootPath, Function<Boolean, DocumentOutcome> cut) {
        if (closed) {
            return;
        }
        while (!open.isEmpty()) {
            Open o = open.pop();
            target.end(o.path, cut.apply(o.hadContent));
        }
        if (!rootStarted) {
            target.start(rootPath, null);
            target.end(rootPath, cut.apply(false));
        }
        closed = true;
    }
}
