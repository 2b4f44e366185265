package dev.piimap.classifiers.mask;

import dev.piimap.classifiers.EntityType;

/** Masks a matched value for display. The result never reveals enough to reconstruct the value. */
public final class Masker {
    private Masker() {
    }

    public static String mask(EntityType type, String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return value.charAt(0) + "***";
    }
}
