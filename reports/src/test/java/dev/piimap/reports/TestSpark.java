package dev.piimap.reports;

import org.apache.spark.sql.SparkSession;

/** The test JVM's one SparkSession (surefire reuses one JVM for every test class of the module). */
public final class TestSpark {
    private TestSpark() {
    }

    public static SparkSession session() {
        return SparkSessions.getOrCreate("local[2]", "piimap-reports-tests");
    }
}
