package dev.piimap.scanner.s3a;

import dev.piimap.scanner.config.SecretRef;
import org.apache.hadoop.conf.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.net.URI;

/**
 * S3A credentials from secret references: the Hadoop configuration carries only the references
 * ({@value #ACCESS_KEY} and {@value #SECRET_KEY}, e.g. {@code ${env:DATAMAP_S3_KEY}}), never a secret,
 * and each JVM resolves them when S3A asks (RELIABILITY 8 and 13). Hadoop instantiates this class by
 * name through its {@code (URI, Configuration)} constructor.
 */
public final class SecretRefCredentialsProvider implements AwsCredentialsProvider {
    /** Hadoop key of the access key's reference (per bucket: {@code fs.s3a.bucket.NAME.piimap.access-key}). */
    public static final String ACCESS_KEY = "fs.s3a.piimap.access-key";
    /** Hadoop key of the secret key's reference. */
    public static final String SECRET_KEY = "fs.s3a.piimap.secret-key";

    private final SecretRef accessKey;
    private final SecretRef secretKey;

    public SecretRefCredentialsProvider(URI bucket, Configuration conf) {
        String access = conf.getTrimmed(ACCESS_KEY);
        String secret = conf.getTrimmed(SECRET_KEY);
        if (access == null || secret == null) {
            throw new IllegalArgumentException("no credential references for " + bucket + ": set datamap-s3.access-key and "
                    + "datamap-s3.secret-key in scan.yaml");
        }
        this.accessKey = SecretRef.parse(access);
        this.secretKey = SecretRef.parse(secret);
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return AwsBasicCredentials.create(accessKey.resolve(), secretKey.resolve());
    }

    @Override
    public String toString() {
        return "SecretRefCredentialsProvider[" + accessKey + ", " + secretKey + "]";
    }
}
