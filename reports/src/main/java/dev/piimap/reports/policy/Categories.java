package dev.piimap.reports.policy;

import dev.piimap.classifiers.EntityType;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The data categories a policy may name: the fideslang category of every {@link EntityType} and each
 * of its parent prefixes ({@code user.contact.email} brings {@code user.contact} and {@code user}). A
 * category covers itself and every category below it: {@code user.contact} covers
 * {@code user.contact.email}, never {@code user.contactless}.
 */
public final class Categories {
    private static final SortedSet<String> KNOWN = known(EntityType.values());

    private Categories() {
    }

    /** Every category a policy may name, sorted. */
    public static SortedSet<String> known() {
        return KNOWN;
    }

    public static boolean isKnown(String category) {
        return KNOWN.contains(category);
    }

    /** True when {@code declared} is {@code found} or one of its parents. */
    public static boolean covers(String declared, String found) {
        return found.equals(declared) || found.startsWith(declared + ".");
    }

    static SortedSet<String> known(EntityType... types) {
        SortedSet<String> all = new TreeSet<>();
        for (EntityType type : types) {
            String category = type.category();
            all.add(category);
            for (int dot = category.indexOf('.'); dot > 0; dot = category.indexOf('.', dot + 1)) {
                all.add(category.substring(0, dot));
            }
        }
        return Collections.unmodifiableSortedSet(all);
    }
}
