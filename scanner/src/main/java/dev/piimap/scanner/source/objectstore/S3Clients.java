package dev.piimap.scanner.source.objectstore;

import dev.piimap.scanner.config.FilesSourceConfig.S3Options;
import dev.piimap.scanner.config.SecretRef;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.net.URI;
import java.util.Locale;

/**
 * Builds the S3 client of a files source from its {@code s3:} block. The credential references are
 * resolved here, when the client is built (on the driver to list, on each executor to read), and the
 * values live only inside the client: never in Spark or Hadoop configuration, options or messages.
 * Without {@code access-key}/{@code secret-key} the AWS default chain applies (environment, profile,
 * container or instance role).
 */
final class S3Clients {
    /** The region signed for when {@code s3.region} is not set; S3-compatible servers mostly ignore it. */
    static final String DEFAULT_REGION = "us-east-1";

    private S3Clients() {
    }

    /**
     * Checks what can be checked without a request: the endpoint's form and that both keys or neither are set.
     *
     * @throws IllegalArgumentException naming the key, the value and the fix
     */
    static void validate(S3Options options) {
        if (options == null) {
            return;
        }
        endpoint(options);
        if ((options.accessKey() == null) != (options.secretKey() == null)) {
            throw new IllegalArgumentException("s3 has only one of access-key and secret-key; set both (e.g. "
                    + "${env:S3_KEY} and ${env:S3_SECRET}) or neither for the AWS default credentials");
        }
    }

    /**
     * A client for {@code options} (null: AWS defaults). The caller closes it.
     *
     * @throws IllegalArgumentException when the options are invalid (see {@link #validate})
     * @throws RuntimeException         from {@link SecretRef#resolve()} when a credential reference cannot be read
     */
    static S3Client build(S3Options options) {
        validate(options);
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(options == null || blank(options.region()) ? DEFAULT_REGION : options.region().strip()))
                .credentialsProvider(credentials(options))
                // Checksums only where S3 requires them: S3-compatible stores differ in the newer ones.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (options != null) {
            URI endpoint = endpoint(options);
            if (endpoint != null) {
                builder.endpointOverride(endpoint);
            }
            builder.forcePathStyle(options.pathStyle());
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3Options options) {
        if (options == null || options.accessKey() == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                options.accessKey().resolve(), options.secretKey().resolve()));
    }

    private static URI endpoint(S3Options options) {
        if (blank(options.endpoint())) {
            return null;
        }
        String text = options.endpoint().strip();
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("s3.endpoint '" + (uri != null && uri.getRawUserInfo() != null
                    ? "(with user info)" : text) + "' is not an http:// or https:// URL without user info or query; "
                    + "write e.g. http://127.0.0.1:9000");
        }
        return uri;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
