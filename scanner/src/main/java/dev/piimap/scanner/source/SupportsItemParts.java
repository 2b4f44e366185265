package dev.piimap.scanner.source;

import java.io.Serializable;

/**
 * A {@link SourceConnector} that may list one large item as several parts ({@link ScanItem#PART}), so that
 * separate tasks read them at once: a table read in key or page ranges. The job scans each part with
 * {@link #scanPart}, folds the parts of one item with {@link #merge} in part order (0, 1, 2, ...; always
 * adjacent runs of parts, on executors), and turns the fold into the item's one result with {@link #finish}.
 *
 * <p>Contract: for parts listed from one item, {@code finish} of the in-order merge gives the result that
 * scanning the whole item would give, apart from per-item limits (time, characters), which apply per part.
 * None of the three methods throws for a failure of the source: a failed part carries its failure, and
 * {@code finish} reports it as the whole item's outcome. The job turns a method that does throw into one
 * error outcome for the item.
 */
public interface SupportsItemParts {
    /** What one part (or an in-order run of parts) produced so far; shipped between tasks. */
    interface ItemPart extends Serializable {
    }

    /** Executor side: reads one part of an item (a {@link ScanItem} with {@link ScanItem#isPart()}). */
    ItemPart scanPart(ScanItem part, ScanContext context);

    /**
     * Combines the state of a run of parts with that of the run that directly follows it. May reuse and
     * change {@code earlier}; {@code later} is not used afterwards.
     */
    ItemPart merge(ItemPart earlier, ItemPart later);

    /** The result of the whole item, from the merge of all its parts. */
    ItemResult finish(ScanItem item, ItemPart merged, ScanContext context);
}
