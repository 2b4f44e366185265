package dev.piimap.scanner.source.jdbc;

import dev.piimap.classifiers.summary.SubjectCollector;
import dev.piimap.classifiers.summary.TypeSummary;
import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.source.SubjectEntry;

import java.io.Serializable;
import java.util.List;

/**
 * What reading one column of a table (or of one key range of it) produced: its profile, its subject index,
 * why it was cut short (if it was) and how its binary values fared. {@link #merge} adds the next key range's,
 * as one read of both ranges would have: counts and verdicts as {@link ColumnProfile#merge} says, the first
 * range's cut-off reason, and binary tallies summed. Holds no raw value; not thread-safe.
 */
final class ColumnPart implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final ColumnProfile profile;
    private final SubjectCollector subjects;
    private String truncated;
    private BinaryValues.Outcome binary;

    /**
     * @param subjects  the subject index the profile feeds, or null
     * @param truncated why the read stopped short (a limit), or null
     * @param binary    the binary values' tallies, or null for a column that is not binary
     */
    ColumnPart(String name, ColumnProfile profile, SubjectCollector subjects, String truncated, BinaryValues.Outcome binary) {
        this.name = name;
        this.profile = profile;
        this.subjects = subjects;
        this.truncated = truncated;
        this.binary = binary;
    }

    String name() {
        return name;
    }

    /** Adds the same column's part read after this one. @return this */
    ColumnPart merge(ColumnPart later) {
        if (!name.equals(later.name)) {
            throw new IllegalArgumentException("parts of columns " + name + " and " + later.name + " cannot be merged");
        }
        if (subjects != null && later.subjects != null) {
            subjects.merge(later.subjects);
        }
        profile.merge(later.profile);
        truncated = truncated != null ? truncated : later.truncated;
        binary = binary == null ? later.binary : later.binary == null ? binary : binary.merge(later.binary);
        return this;
    }

    ItemStatus status() {
        if (truncated != null) {
            return ItemStatus.TRUNCATED;
        }
        return binary == null ? ItemStatus.OK : binary.status();
    }

    String detail() {
        if (truncated != null) {
            return truncated;
        }
        return binary == null ? null : binary.detail();
    }

    List<TypeSummary> verdicts() {
        return profile.verdicts();
    }

    /** The column's subject index entries; none without a subject index. */
    List<SubjectEntry> subjects(String source, String asset, String assetKind) {
        return SubjectEntry.of(source, asset, assetKind, subjects);
    }
}
