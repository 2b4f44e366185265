package dev.piimap.classifiers.detect;

import java.util.function.Supplier;

/**
 * Something built on first use, which may turn out to be nothing (null): a prefilter, a shape memo or
 * an automaton that a regex may not have, built only for the patterns a text actually reaches. Thread-safe
 * without locking: two threads asking at once may both build it, and one result wins; builders are
 * pure, so both are the same.
 */
final class OnFirstUse<T> {
    private static final Object UNBUILT = new Object();
    private static final Object NONE = new Object();
    private final Supplier<T> builder;
    private volatile Object built = UNBUILT;

    OnFirstUse(Supplier<T> builder) {
        this.builder = builder;
    }

    /** What the builder gave, built now if not yet; null when it gave null. */
    @SuppressWarnings("unchecked")
    T get() {
        Object b = built;
        if (b == UNBUILT) {
            T value = builder.get();
            b = value == null ? NONE : value;
            built = b;
        }
        return b == NONE ? null : (T) b;
    }
}
