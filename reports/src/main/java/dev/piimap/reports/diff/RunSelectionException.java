package dev.piimap.reports.diff;

/**
 * The runs asked for cannot be compared: an id that is not a committed run, or no run before the one
 * asked for. {@link #side()} says which of the two runs the problem is about, so a command line can
 * name its flag.
 */
public final class RunSelectionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The run of the diff the problem is about. */
    public enum Side { FROM, TO }

    private final Side side;
    private final String runId;

    RunSelectionException(Side side, String runId, String message) {
        super(message);
        this.side = side;
        this.runId = runId;
    }

    public Side side() {
        return side;
    }

    /** The run id as given, or null when the problem is a run that is missing rather than one given. */
    public String runId() {
        return runId;
    }
}
