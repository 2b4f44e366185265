package dev.piimap.scanner.extract;

import java.io.IOException;

/**
 * Thrown from inside a parse (by a budgeted stream or the text handler) when a limit stops the item.
 * An {@link IOException} so that it travels through parsers; the authoritative record is the
 * {@link ItemBudget}, since parsers may wrap or swallow it.
 */
final class LimitExceededException extends IOException {
    LimitExceededException(String limit) {
        super(limit);
    }
}
