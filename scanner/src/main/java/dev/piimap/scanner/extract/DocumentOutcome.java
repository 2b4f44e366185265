package dev.piimap.scanner.extract;

import dev.piimap.scanner.source.ItemStatus;

import java.util.Objects;

/**
 * How extracting one document ended. {@code reason} is null exactly when the status is ok; otherwise it
 * names the limit or the failure class (e.g. {@code corrupt or unparseable PDF (TikaException)}) and
 * never carries parser messages, which may quote content.
 */
public record DocumentOutcome(ItemStatus status, String reason) {
    private static final DocumentOutcome OK = new DocumentOutcome(ItemStatus.OK, null);

    public DocumentOutcome {
        Objects.requireNonNull(status, "status");
        if (status == ItemStatus.OK) {
            reason = null;
        } else if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("outcome " + status.wireName() + " needs a reason");
        }
    }

    public static DocumentOutcome ok() {
        return OK;
    }

    public static DocumentOutcome truncated(String reason) {
        return new DocumentOutcome(ItemStatus.TRUNCATED, reason);
    }

    public static DocumentOutcome skipped(String reason) {
        return new DocumentOutcome(ItemStatus.SKIPPED, reason);
    }

    public static DocumentOutcome error(String reason) {
        return new DocumentOutcome(ItemStatus.ERROR, reason);
    }

    /** A limit stopped the document: truncated when some of its text was read, else skipped. */
    static DocumentOutcome cutBy(String limit, boolean hadText) {
        return hadText ? truncated(limit) : skipped(limit);
    }
}
