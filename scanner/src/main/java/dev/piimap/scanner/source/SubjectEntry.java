package dev.piimap.scanner.source;

import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.summary.SubjectCollector;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One row of the subject index: an identifier (e-mail address, phone number, national id, IBAN, card
 * number, a ticket's requester) found in an asset, known only by its keyed fingerprint.
 *
 * @param fingerprint the keyed HMAC-SHA256 of the normalised identifier, 64 lower-case hex digits; never the value
 * @param count       occurrences of the identifier in the asset, at least 1
 * @param keys        where it occurs when the source knows (a table's row keys as {@code column=value}, a text's
 *                    {@code line N}), at most {@link #MAX_KEYS}; empty when unknown. Never holds scanned values:
 *                    a row key that is itself personal data is given by its fingerprint
 */
public record SubjectEntry(String source, String asset, String assetKind, EntityType type, String fingerprint,
                           long count, List<String> keys) implements Serializable {
    /** Keys kept per (asset, identifier): enough to find the rows, bounded for identifiers found everywhere. */
    public static final int MAX_KEYS = 50;
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

    public SubjectEntry {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(assetKind, "assetKind");
        Objects.requireNonNull(type, "type");
        if (fingerprint == null || !HEX_64.matcher(fingerprint).matches()) {
            throw new IllegalArgumentException("a subject entry needs a fingerprint of 64 lower-case hex digits");
        }
        if (count < 1) {
            throw new IllegalArgumentException("a subject entry needs count >= 1, was " + count);
        }
        keys = keys == null ? List.of() : List.copyOf(keys.size() > MAX_KEYS ? keys.subList(0, MAX_KEYS) : keys);
    }

    /** The entries of one asset's subject index; none for a null collector. */
    public static List<SubjectEntry> of(String source, String asset, String assetKind, SubjectCollector collector) {
        if (collector == null) {
            return List.of();
        }
        List<SubjectEntry> out = new ArrayList<>();
        for (SubjectCollector.Subject s : collector.subjects()) {
            out.add(new SubjectEntry(source, asset, assetKind, s.type(), s.fingerprint(), s.count(), s.keys()));
        }
        return out;
    }
}
