package dev.piimap.scanner.source.objectstore;

import dev.piimap.scanner.config.FilesSourceConfig.S3Options;
import dev.piimap.scanner.config.SecretRef;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.Constants;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A real S3 protocol server for tests: s3proxy in this JVM on 127.0.0.1 and a free port, storing
 * objects in a folder ({@code filesystem-nio2}), checking AWS v2/v4 signatures against one key pair.
 * Its credentials are written to files, so connectors read them through {@code ${file:..}} references
 * as they would in production ({@code ${env:..}} cannot be set inside a running JVM).
 */
public final class S3TestServer implements AutoCloseable {
    static final String ACCESS_KEY = "piimap-test-key";
    static final String SECRET_KEY = "piimap-test-secret-4f1c";

    private final S3Proxy proxy;
    private final BlobStore store;
    private final URI endpoint;
    private final Path accessKeyFile;
    private final Path secretKeyFile;
    private final S3Client admin;

    private S3TestServer(S3Proxy proxy, BlobStore store, URI endpoint, Path accessKeyFile, Path secretKeyFile) {
        this.proxy = proxy;
        this.store = store;
        this.endpoint = endpoint;
        this.accessKeyFile = accessKeyFile;
        this.secretKeyFile = secretKeyFile;
        this.admin = S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    /** Starts a server keeping its objects and credential files under {@code dir}. */
    public static S3TestServer start(Path dir) throws Exception {
        Path blobs = Files.createDirectories(dir.resolve("blobs"));
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", blobs.toString());
        properties.setProperty(Constants.PROPERTY_IDENTITY, ACCESS_KEY);
        properties.setProperty(Constants.PROPERTY_CREDENTIAL, SECRET_KEY);
        BlobStore store = BlobStores.create("filesystem-nio2", properties);
        S3Proxy proxy = S3Proxy.builder().blobStore(store).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        proxy.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
        Path accessKeyFile = Files.writeString(dir.resolve("s3-access-key"), ACCESS_KEY + "\n", StandardCharsets.UTF_8);
        Path secretKeyFile = Files.writeString(dir.resolve("s3-secret-key"), SECRET_KEY + "\n", StandardCharsets.UTF_8);
        return new S3TestServer(proxy, store, URI.create("http://127.0.0.1:" + proxy.getPort()), accessKeyFile, secretKeyFile);
    }

    public URI endpoint() {
        return endpoint;
    }

    public Path accessKeyFile() {
        return accessKeyFile;
    }

    public Path secretKeyFile() {
        return secretKeyFile;
    }

    /** Path-style options for this server with the credentials as {@code ${file:..}} references. */
    public S3Options options() {
        return options(accessKeyFile, secretKeyFile);
    }

    S3Options options(Path accessKey, Path secretKey) {
        return new S3Options(endpoint.toString(), true, SecretRef.parse("${file:" + accessKey + "}"),
                SecretRef.parse("${file:" + secretKey + "}"), null);
    }

    /** A client with the server's credentials, to set up and change buckets behind a connector's back. */
    S3Client admin() {
        return admin;
    }

    public void createBucket(String bucket) {
        admin.createBucket(b -> b.bucket(bucket));
    }

    public void put(String bucket, String key, byte[] bytes) {
        admin.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    void put(String bucket, String key, Path file) throws IOException {
        put(bucket, key, Files.readAllBytes(file));
    }

    void delete(String bucket, String key) {
        admin.deleteObject(b -> b.bucket(bucket).key(key));
    }

    @Override
    public void close() throws Exception {
        admin.close();
        try {
            proxy.stop();
        } finally {
            store.close();
        }
    }
}
