package dev.piimap.reports;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SparkSessionsTest {
    @Test
    void reusesOneDeltaEnabledSessionPerJvm() {
        SparkSession first = TestSpark.session();
        SparkSession second = SparkSessions.getOrCreate("local[1]", "another-name");

        assertThat(second).isSameAs(first);
        assertThat(first.conf().get("spark.sql.extensions")).isEqualTo("io.delta.sql.DeltaSparkSessionExtension");
        assertThat(first.conf().get("spark.sql.catalog.spark_catalog"))
                .isEqualTo("org.apache.spark.sql.delta.catalog.DeltaCatalog");
        assertThat(first.conf().get("spark.sql.shuffle.partitions"))
                .isEqualTo(String.valueOf(SparkSessions.LOCAL_SHUFFLE_PARTITIONS));
        assertThat(first.sparkContext().getConf().get("spark.ui.enabled")).isEqualTo("false");
    }

    @Test
    void logsAtWarnToStandardErrorOnly() {
        TestSpark.session();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);

        assertThat(LogManager.getRootLogger().getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getConfiguration().getAppenders().values())
                .isNotEmpty()
                .allSatisfy(appender -> assertThat(targetOf(appender)).isEqualTo(ConsoleAppender.Target.SYSTEM_ERR));
    }

    private static ConsoleAppender.Target targetOf(Appender appender) {
        return appender instanceof ConsoleAppender console ? console.getTarget() : null;
    }
}
