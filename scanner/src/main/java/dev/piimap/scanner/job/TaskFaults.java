package dev.piimap.scanner.job;

import org.apache.spark.TaskContext;

/**
 * Failure injection for the reliability tests (RELIABILITY 9: "fail first task attempts"). Off unless
 * the JVM that runs the tasks has the system property {@value #FAIL_FIRST_ATTEMPTS} set to {@code true};
 * then the first attempt of every task that calls {@link #check} fails, so Spark must retry it (a
 * master such as {@code local[2,3]} allows retries) and the run must still commit each row exactly once.
 * Never set in production; costs one property lookup per call otherwise.
 */
public final class TaskFaults {
    public static final String FAIL_FIRST_ATTEMPTS = "piimap.faults.fail-first-task-attempts";

    private TaskFaults() {
    }

    /** Throws in the first attempt of the current Spark task when the property asks for it; no-op outside tasks. */
    public static void check(String where) {
        if (!Boolean.getBoolean(FAIL_FIRST_ATTEMPTS)) {
            return;
        }
        TaskContext task = TaskContext.get();
        if (task != null && task.attemptNumber() == 0) {
            throw new InjectedFailure("injected failure of the first attempt of task " + task.partitionId()
                    + " in stage " + task.stageId() + " (" + where + ")");
        }
    }

    /** The failure {@link #check} throws, distinguishable in logs and tests. */
    public static final class InjectedFailure extends RuntimeException {
        InjectedFailure(String message) {
            super(message);
        }
    }
}
