package dev.piimap.reports.datamap;

/**
 * There is nothing to read at the data map location: no data map, or no run has committed to it yet.
 * The message names the location and the fix.
 */
public class DataMapNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String location;

    DataMapNotFoundException(String location, String message) {
        super(message);
        this.location = location;
    }

    static DataMapNotFoundException noDataMap(String location) {
        return new DataMapNotFoundException(location, "no data map at " + location + ": run `bin/scan run` first");
    }

    static DataMapNotFoundException noCommittedRun(String location) {
        return new DataMapNotFoundException(location, "the data map at " + location
                + " has no committed run yet: run `bin/scan run` first");
    }

    /** The data map location as the caller gave it. */
    public String location() {
        return location;
    }
}
