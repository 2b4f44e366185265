package dev.piimap.classifiers.summary;

import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.mask.Fingerprinter;
import dev.piimap.classifiers.mask.SubjectTypes;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The subject index of one asset as it is read: for each identifier of an {@link SubjectTypes#INDEXED indexed
 * type} found, its keyed fingerprint, how often it occurs and where (keys such as {@code line 12} or
 * {@code id=42}). Values are fingerprinted as they arrive and never kept. Not thread-safe: one instance per
 * asset, fed by a {@link TextSummarizer} or the {@link ColumnProfiler}s of one column.
 *
 * <p>Memory is bounded whatever the asset holds: at most {@value #MAX_DISTINCT} distinct identifiers (later
 * new ones are counted as not indexed, see {@link #notIndexed}, while those already held keep counting), at most
 * {@value #MAX_KEYS_PER_VALUE} keys per identifier and {@value #MAX_KEYS} keys in all (later occurrences are
 * counted without a key). Roughly 250 bytes per identifier plus 70 per key: about 37 MB at the limits.
 *
 * <p><b>Parts.</b> An asset read in parts (key ranges of one table, each in its own task) has one collector
 * per part; {@link #merge} appends a later part's collector to an earlier one's, replaying the later part's
 * identifiers in the order it first saw them and its keys in the order it kept them, under this collector's
 * limits. The result is exactly what one collector fed every part in order would hold, with one exception
 * that needs a part alone to reach a limit: an identifier that a later part left out because that part already
 * held {@value #MAX_DISTINCT} others, and that an earlier part did index, is counted as not indexed rather than
 * under its entry (likewise a key left out by a later part's own key limits). Serializable for that; the
 * fingerprinter (which holds the key) is never serialized, so a deserialized collector can be merged and read
 * but not {@linkplain #add fed}.
 */
public final class SubjectCollector implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Distinct identifiers indexed per asset. */
    public static final int MAX_DISTINCT = 100_000;
    /** Keys kept per identifier (the data map's limit per subjects row). */
    public static final int MAX_KEYS_PER_VALUE = 50;
    /** Keys kept per asset, over all its identifiers. */
    public static final int MAX_KEYS = 200_000;

    /**
     * One identifier of the asset.
     *
     * @param fingerprint the keyed fingerprint ({@link Fingerprinter#fingerprint}), 64 hex digits
     * @param count       occurrences, at least 1
     * @param keys        where it occurs, in the order first seen, at most {@value #MAX_KEYS_PER_VALUE}; may be empty
     */
    public record Subject(EntityType type, String fingerprint, long count, List<String> keys) {
        public Subject {
            keys = List.copyOf(keys);
        }
    }

    private static final class Entry implements Serializable {
        private static final long serialVersionUID = 1L;
        final EntityType type;
        long count;
        List<String> keys;

        Entry(EntityType type) {
            this.type = type;
        }
    }

    /** Null after deserialization: the key stays in the JVM that resolved it. */
    private final transient Fingerprinter fingerprinter;
    private final int maxDistinct;
    private final int maxKeys;
    /** In the order first seen, which a merge replays. */
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<EntityType, Long> notIndexed = new EnumMap<>(EntityType.class);
    /** The entry each key held went to, in the order the keys were kept ({@code keysHeld} of them), for a merge. */
    private final List<Entry> keyOrder = new ArrayList<>();
    private long keysHeld;

    public SubjectCollector(Fingerprinter fingerprinter) {
        this(fingerprinter, MAX_DISTINCT, MAX_KEYS);
    }

    /** With other limits (tests, and callers that index many assets at once). */
    public SubjectCollector(Fingerprinter fingerprinter, int maxDistinct, int maxKeys) {
        this.fingerprinter = Objects.requireNonNull(fingerprinter, "fingerprinter");
        if (maxDistinct < 1 || maxKeys < 0) {
            throw new IllegalArgumentException("subject index limits must be maxDistinct >= 1 and maxKeys >= 0, were "
                    + maxDistinct + " and " + maxKeys);
        }
        this.maxDistinct = maxDistinct;
        this.maxKeys = maxKeys;
    }

    /**
     * Adds one occurrence of {@code value} as {@code type}. Types that are not indexed, and null or blank
     * values, are ignored. A key equal to the identifier's previous key is not repeated (two occurrences on
     * one line give one {@code line N}).
     *
     * @param key where the occurrence is, or null when unknown; must not contain the value
     */
    public void add(EntityType type, String value, String key) {
        if (!SubjectTypes.isIndexed(type) || value == null || value.isBlank()) {
            return;
        }
        if (fingerprinter == null) {
            throw new IllegalStateException("a deserialized subject collector can be merged and read, not fed values");
        }
        String fingerprint = fingerprinter.fingerprint(type, value);
        Entry e = entries.get(fingerprint);
        if (e == null) {
            if (entries.size() >= maxDistinct) {
                notIndexed.merge(type, 1L, Long::sum);
                return;
            }
            e = new Entry(type);
            entries.put(fingerprint, e);
        }
        e.count++;
        if (key != null) {
            addKey(e, key);
        }
    }

    private void addKey(Entry e, String key) {
        if (keysHeld >= maxKeys) {
            return;
        }
        if (e.keys == null) {
            e.keys = new ArrayList<>(1);
        }
        if (e.keys.size() < MAX_KEYS_PER_VALUE && (e.keys.isEmpty() || !e.keys.get(e.keys.size() - 1).equals(key))) {
            e.keys.add(key);
            keyOrder.add(e);
            keysHeld++;
        }
    }

    /**
     * Appends {@code later}, the collector of the same asset's next part (read after everything this one
     * saw), as the class comment describes: its identifiers are added in the order it first saw them while
     * this collector has room (the rest are counted as not indexed), then its keys in the order it kept
     * them while the per-identifier and per-asset key limits allow. {@code later} is left as it was.
     *
     * @return this collector
     * @throws IllegalArgumentException when the two have different limits
     */
    public SubjectCollector merge(SubjectCollector later) {
        if (later == this) {
            throw new IllegalArgumentException("a subject collector cannot be merged with itself");
        }
        if (later.maxDistinct != maxDistinct || later.maxKeys != maxKeys) {
            throw new IllegalArgumentException("subject collectors with different limits cannot be merged");
        }
        Map<Entry, Entry> into = new IdentityHashMap<>();
        later.entries.forEach((fingerprint, theirs) -> {
            Entry mine = entries.get(fingerprint);
            if (mine == null) {
                if (entries.size() >= maxDistinct) {
                    notIndexed.merge(theirs.type, theirs.count, Long::sum);
                    return;
                }
                mine = new Entry(theirs.type);
                entries.put(fingerprint, mine);
            }
            mine.count += theirs.count;
            into.put(theirs, mine);
        });
        later.notIndexed.forEach((type, n) -> notIndexed.merge(type, n, Long::sum));
        Map<Entry, Integer> nextKey = new IdentityHashMap<>();
        for (Entry theirs : later.keyOrder) {
            int k = nextKey.merge(theirs, 1, Integer::sum) - 1;
            Entry mine = into.get(theirs);
            if (mine != null) {
                addKey(mine, theirs.keys.get(k));
            }
        }
        return this;
    }

    /** The identifiers found, ordered by fingerprint (a stable order that says nothing about the values). */
    public List<Subject> subjects() {
        List<Subject> out = new ArrayList<>(entries.size());
        entries.forEach((fp, e) -> out.add(new Subject(e.type, fp, e.count, e.keys == null ? List.of() : e.keys)));
        out.sort(Comparator.comparing(Subject::fingerprint));
        return out;
    }

    /** Occurrences of {@code type} left out because the asset already held {@value #MAX_DISTINCT} distinct identifiers. */
    public long notIndexed(EntityType type) {
        return notIndexed.getOrDefault(type, 0L);
    }

    /**
     * What an explanation of {@code type}'s finding should add when the index of this asset was cut short:
     * {@code "; 1,234 occurrences not in the subject index (it keeps 100,000 distinct identifiers per asset)"},
     * or "" when none was left out.
     */
    public String truncationNote(EntityType type) {
        long left = notIndexed(type);
        if (left == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "; %,d occurrence%s not in the subject index (it keeps %,d distinct identifiers per asset)",
                left, left == 1 ? "" : "s", maxDistinct);
    }
}
