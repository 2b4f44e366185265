package dev.piimap.classifiers.nlp;

import java.util.function.Supplier;

/**
 * A resource loaded once, on first use, by whichever thread asks first. A failed load is logged (ERROR,
 * through {@link System.Logger}), remembered and
 * rethrown (as a fresh {@link IllegalStateException} with the original as cause) on every later use,
 * never retried and never turned into a {@code NoClassDefFoundError} as a failing static initialiser
 * would be.
 */
final class LazyResource<T> {
    private final Supplier<T> loader;
    private volatile T value;
    private volatile RuntimeException failure;

    LazyResource(Supplier<T> loader) {
        this.loader = loader;
    }

    T get() {
        T v = value;
        if (v != null) {
            return v;
        }
        synchronized (this) {
            if (value == null && failure == null) {
                try {
                    value = loader.get();
                } catch (RuntimeException e) {
                    failure = e;
                    System.getLogger(LazyResource.class.getName()).log(System.Logger.Level.ERROR, e.getMessage(), e);
                }
            }
            if (failure != null) {
                throw new IllegalStateException(failure.getMessage(), failure);
            }
            return value;
        }
    }
}
