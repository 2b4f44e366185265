package dev.piimap.scanner.source.objectstore;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the objects of a files source live: the bucket and key prefix of an {@code s3a://bucket/prefix/}
 * root ({@code s3://} is accepted too). The prefix is a folder: empty (the whole bucket) or ending in
 * {@code /}, so {@code s3a://bucket/data} and {@code s3a://bucket/data/} both mean the keys under {@code data/}.
 */
public record S3Location(String bucket, String prefix) implements Serializable {
    /** Loose on purpose: S3-compatible stores allow more than AWS's 3-63 lower-case characters. */
    private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

    public S3Location {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(prefix, "prefix");
    }

    /** Whether a files source's {@code root} names an object store rather than a local folder. */
    public static boolean isObjectStoreRoot(String root) {
        String lower = root == null ? "" : root.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("s3a:") || lower.startsWith("s3:");
    }

    /**
     * Parses an {@code s3a://bucket/prefix/} root.
     *
     * @throws IllegalArgumentException naming the root and the fix when it has no bucket or an invalid one
     */
    public static S3Location parse(String root) {
        String text = root.strip();
        int scheme = text.indexOf("://");
        if (!isObjectStoreRoot(text) || scheme < 0) {
            throw new IllegalArgumentException("root '" + text + "' is not an s3a:// URI; write s3a://bucket/prefix/");
        }
        String rest = text.substring(scheme + 3);
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (!BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("root '" + text + "' names no valid bucket ('" + bucket
                    + "'); write s3a://bucket/prefix/ with a bucket of letters, digits, '.', '_' or '-'");
        }
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        return new S3Location(bucket, prefix);
    }

    /** The object key of a path relative to the prefix. */
    public String key(String relativePath) {
        return prefix + relativePath;
    }

    /** The root as written back: {@code s3a://bucket/prefix/}. */
    @Override
    public String toString() {
        return "s3a://" + bucket + "/" + prefix;
    }
}
