package dev.piimap.scanner.s3a;

import dev.piimap.scanner.config.FilesSourceConfig.S3Options;
import dev.piimap.scanner.config.SecretRef;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

import java.net.URI;
import java.util.Map;
import java.util.Locale;

/**
 * Points Hadoop's S3A at a data map on {@code s3a://bucket/...}: endpoint, path-style access, region
 * and credentials, all scoped to that bucket ({@code fs.s3a.bucket.NAME.*}) so other buckets keep
 * S3A's defaults. Credentials go in only as references (see {@link SecretRefCredentialsProvider});
 * without any, S3A's default chain applies (environment variables, profile, instance role).
 */
public final class DataMapStorage {
    private DataMapStorage() {
    }

    /** True when the data map lives in object storage. */
    public static boolean isS3(String datamapUri) {
        String lower = datamapUri.trim().toLowerCase(Locale.ROOT);
        return lower.startsWith("s3a://") || lower.startsWith("s3://");
    }

    /**
     * Configures the session's Hadoop configuration for the data map's bucket; a no-op for other
     * locations or when {@code options} is null.
     */
    public static void configure(SparkSession spark, String datamapUri, S3Options options) {
        if (!isS3(datamapUri) || options == null) {
            return;
        }
        String bucket = URI.create(datamapUri.trim()).getHost();
        if (bucket == null || bucket.isEmpty()) {
            throw new IllegalArgumentException("the data map URI names no bucket: write s3a://bucket/prefix");
        }
        apply(spark.sparkContext().hadoopConfiguration(), bucket, options);
    }

    /**
     * The options read commands ({@code export}, {@code report}) use for a data map on S3, from the
     * standard AWS environment: {@code AWS_ENDPOINT_URL_S3} or {@code AWS_ENDPOINT_URL}, {@code AWS_REGION},
     * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY} (kept as {@code ${env:..}} references), and
     * {@code PIIMAP_S3_PATH_STYLE=true} for MinIO/s3proxy-style servers. Null when none is set: S3A's
     * own defaults then apply.
     */
    public static S3Options fromEnvironment(Map<String, String> env) {
        String endpoint = firstSet(env, "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL");
        boolean pathStyle = "true".equalsIgnoreCase(env.get("PIIMAP_S3_PATH_STYLE"));
        String region = firstSet(env, "AWS_REGION", "AWS_DEFAULT_REGION");
        boolean keys = firstSet(env, "AWS_ACCESS_KEY_ID") != null && firstSet(env, "AWS_SECRET_ACCESS_KEY") != null;
        if (endpoint == null && !pathStyle && region == null && !keys) {
            return null;
        }
        return new S3Options(endpoint, pathStyle, keys ? SecretRef.parse("${env:AWS_ACCESS_KEY_ID}") : null,
                keys ? SecretRef.parse("${env:AWS_SECRET_ACCESS_KEY}") : null, region);
    }

    private static String firstSet(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    static void apply(Configuration conf, String bucket, S3Options options) {
        String prefix = "fs.s3a.bucket." + bucket + ".";
        if (options.endpoint() != null) {
            conf.set(prefix + "endpoint", options.endpoint());
            conf.setBoolean(prefix + "connection.ssl.enabled", !options.endpoint().startsWith("http://"));
        }
        conf.setBoolean(prefix + "path.style.access", options.pathStyle());
        conf.set(prefix + "endpoint.region", options.region() != null ? options.region() : "us-east-1");
        if (options.accessKey() != null && options.secretKey() != null) {
            conf.set(prefix + "aws.credentials.provider", SecretRefCredentialsProvider.class.getName());
            conf.set(prefix + "piimap.access-key", options.accessKey().toString());
            conf.set(prefix + "piimap.secret-key", options.secretKey().toString());
        }
    }
}
