package dev.piimap.scanner.job;

import java.io.Serializable;
import java.time.Duration;

/**
 * A source's time budget ({@code extraction.max-seconds-per-source}): items of a source may start until
 * {@code deadlineMillis} (wall clock, from the driver's clock when the scan starts; executors compare their
 * own, so clocks are assumed to agree to within seconds, as NTP keeps them). An item that would start later
 * is not read: it gets one {@code skipped} outcome whose reason starts with {@value #REASON}, and is scanned
 * again by the next run. Every source gets the whole budget: they are scanned at the same time.
 *
 * @param deadlineMillis {@link Long#MAX_VALUE} without a budget
 */
record SourceBudget(long deadlineMillis, long seconds) implements Serializable {
    /** How the outcome of an item cut off by the budget starts. */
    static final String REASON = "source time budget used up";

    /** The budget of a scan starting at {@code startMillis}; zero: none. */
    static SourceBudget from(Duration budget, long startMillis) {
        if (budget.isZero()) {
            return new SourceBudget(Long.MAX_VALUE, 0);
        }
        return new SourceBudget(startMillis + budget.toMillis(), budget.toSeconds());
    }

    boolean usedUp(long nowMillis) {
        return nowMillis > deadlineMillis;
    }

    /** The outcome reason of an item cut off, naming the setting and the fix. */
    String reason() {
        return REASON + " (extraction.max-seconds-per-source: " + seconds + "): not read in this run; "
                + "it is scanned again by the next one";
    }
}
