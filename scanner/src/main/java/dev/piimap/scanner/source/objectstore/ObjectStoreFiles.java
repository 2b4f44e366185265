package dev.piimap.scanner.source.objectstore;

import dev.piimap.scanner.config.FilesSourceConfig.S3Options;
import dev.piimap.scanner.source.ScanItem;
import dev.piimap.scanner.source.SourceException;
import dev.piimap.scanner.source.SupportsShardedListing;
import dev.piimap.scanner.source.files.IncludeGlobs;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The objects of a files source whose root is {@code s3a://bucket/prefix/}: listed on the driver,
 * opened one at a time on executors. The item locator is the key relative to the prefix (the asset
 * path), the item revision the ETag as listed; an object is read only in that revision ({@code If-Match}),
 * so what is scanned is what was listed, and an incremental run carries an object forward exactly when
 * its ETag is unchanged.
 *
 * <p>Listing pages through ListObjectsV2 and keeps only the current page and the items so far.
 * Serializable with its options only: each JVM builds its own client on first use, resolving the
 * credential references there.
 */
public final class ObjectStoreFiles implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Keys per listing page: S3's maximum. */
    static final int DEFAULT_PAGE_SIZE = 1000;

    private final String source;
    private final S3Location location;
    private final S3Options options;
    private final IncludeGlobs include;
    private final int pageSize;
    private transient volatile S3Client readClient;

    /**
     * @param source   the source's name, for messages and items
     * @param options  the {@code s3:} block, or null for AWS defaults
     * @param include  globs matched against keys relative to the prefix
     */
    public ObjectStoreFiles(String source, S3Location location, S3Options options, IncludeGlobs include) {
        this(source, location, options, include, DEFAULT_PAGE_SIZE);
    }

    /** With a smaller listing page, so tests can list several pages from a few objects. */
    ObjectStoreFiles(String source, S3Location location, S3Options options, IncludeGlobs include, int pageSize) {
        this.source = Objects.requireNonNull(source, "source");
        this.location = Objects.requireNonNull(location, "location");
        this.options = options;
        this.include = Objects.requireNonNull(include, "include");
        if (pageSize < 1 || pageSize > DEFAULT_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be 1-" + DEFAULT_PAGE_SIZE + ", was " + pageSize);
        }
        this.pageSize = pageSize;
    }

    public S3Location location() {
        return location;
    }

    /**
     * Every object under the prefix that an include glob matches, sorted by key, with size,
     * modification time and ETag. Folder markers (keys ending in {@code /}, empty) are not items.
     *
     * @throws SourceException naming the source, the bucket and the failure (S3 status and code, or the
     *                         class of a failure that got no response) when the bucket cannot be listed
     */
    public List<ScanItem> listItems() throws SourceException {
        // Without a limit the plan is always the complete listing.
        return planListing(Integer.MAX_VALUE).items();
    }

    /**
     * Opens one listed object for reading. Thread-safe; the client is built on the first call in this JVM.
     *
     * @throws ObjectReadException whose message is the item's outcome reason
     */
    public OpenedObject open(ScanItem item) throws ObjectReadException {
        S3Client client;
        try {
            client = readClient();
        } catch (IllegalArgumentException e) {
            throw new ObjectReadException(e.getMessage(), null);
        }
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(location.bucket()).key(location.key(item.locator()));
        if (item.revision() != null) {
            request.ifMatch('"' + item.revision() + '"');
        }
        try {
            return new OpenedObject(client.getObject(request.build()));
        } catch (SdkException e) {
            throw new ObjectReadException(S3Failures.read(e), null);
        }
    }

    /**
     * Lists the objects on the driver when there are at most {@code driverLimit}, else plans shards: key
     * prefixes found through listings with the delimiter {@code /}, level by level (up to
     * {@value #MAX_PLAN_DEPTH} levels, until there are at least {@value #TARGET_SHARDS} shards). Each expanded prefix is a
     * shard of the objects directly in it, each prefix at the last level a shard of everything under it.
     * The delimiter listings page through the objects of the expanded levels without keeping them.
     *
     * @throws SourceException as {@link #listItems}
     */
    public SupportsShardedListing.Plan planListing(int driverLimit) throws SourceException {
        S3Client client;
        try {
            client = client();
        } catch (IllegalArgumentException e) {
            throw new SourceException(prefix() + e.getMessage());
        }
        try (client) {
            List<ScanItem> all = list(client, driverLimit);
            if (all != null) {
                return SupportsShardedListing.Plan.complete(all);
            }
            long listedAt = System.currentTimeMillis();
            List<SupportsShardedListing.Shard> shards = new ArrayList<>();
            List<String> level = List.of(location.prefix());
            for (int depth = 1; ; depth++) {
                List<String> next = new ArrayList<>();
                for (String prefix : level) {
                    shards.add(new SupportsShardedListing.Shard(relative(prefix), false, listedAt));
                    next.addAll(childPrefixes(client, prefix));
                }
                if (depth == MAX_PLAN_DEPTH || next.isEmpty() || shards.size() + next.size() >= TARGET_SHARDS
                        || shards.size() + next.size() > driverLimit) {
                    for (String prefix : next) {
                        shards.add(new SupportsShardedListing.Shard(relative(prefix), true, listedAt));
                    }
                    return new SupportsShardedListing.Plan(List.of(), shards);
                }
                level = next;
            }
        } catch (SdkException e) {
            throw new SourceException(prefix() + "cannot list bucket '" + location.bucket() + "' (" + location + "): "
                    + S3Failures.listing(e));
        }
    }

    /** Executor side: the objects of one shard of {@link #planListing}. Never throws. */
    public SupportsShardedListing.ShardListing listShard(SupportsShardedListing.Shard shard) {
        List<ScanItem> items = new ArrayList<>();
        try {
            S3Client client = readClient();
            ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(location.bucket())
                    .maxKeys(pageSize).encodingType(EncodingType.URL);
            String prefix = location.prefix() + shard.path();
            if (!prefix.isEmpty()) {
                request.prefix(prefix);
            }
            if (!shard.recursive()) {
                request.delimiter("/");
            }
            eachPage(client, request, page -> {
                for (S3Object object : page.contents()) {
                    ScanItem item = item(object);
                    if (item != null) {
                        items.add(item);
                    }
                }
            });
            return new SupportsShardedListing.ShardListing(items, null);
        } catch (IllegalArgumentException e) {
            return new SupportsShardedListing.ShardListing(items, prefix() + e.getMessage());
        } catch (SourceException e) {
            return new SupportsShardedListing.ShardListing(items, e.getMessage());
        } catch (SdkException e) {
            return new SupportsShardedListing.ShardListing(items, prefix() + "cannot list '" + shard.path() + "' in bucket '"
                    + location.bucket() + "': " + S3Failures.listing(e));
        }
    }

    /** Shards wanted at most; planning stops going deeper once it has this many. */
    static final int TARGET_SHARDS = 256;
    /** Prefix levels planning lists at most. */
    static final int MAX_PLAN_DEPTH = 4;

    /** The prefixes one level below {@code prefix}, from a delimiter listing (its objects are paged through, not kept). */
    private List<String> childPrefixes(S3Client client, String prefix) throws SourceException {
        List<String> children = new ArrayList<>();
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(location.bucket())
                .maxKeys(pageSize).encodingType(EncodingType.URL).delimiter("/");
        if (!prefix.isEmpty()) {
            request.prefix(prefix);
        }
        eachPage(client, request, page -> page.commonPrefixes().forEach(p -> {
            String child = p.prefix();
            if (child != null && child.startsWith(location.prefix()) && child.length() > prefix.length()) {
                children.add(child);
            }
        }));
        return children;
    }

    private String relative(String prefix) {
        return prefix.substring(location.prefix().length());
    }

    /** All objects, sorted, or null once there are more than {@code limit}. */
    private List<ScanItem> list(S3Client client, int limit) throws SourceException {
        List<ScanItem> items = new ArrayList<>();
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(location.bucket())
                .maxKeys(pageSize).encodingType(EncodingType.URL);
        if (!location.prefix().isEmpty()) {
            request.prefix(location.prefix());
        }
        boolean[] over = {false};
        pages(client, request, page -> {
            for (S3Object object : page.contents()) {
                ScanItem item = item(object);
                if (item != null) {
                    items.add(item);
                }
            }
            over[0] = items.size() > limit;
            return !over[0];
        });
        if (over[0]) {
            return null;
        }
        items.sort(Comparator.comparing(ScanItem::locator));
        return items;
    }

    /** Calls {@code each} with every page of a listing, until it returns false. */
    private void pages(S3Client client, ListObjectsV2Request.Builder request, PageHandler each) throws SourceException {
        String token = null;
        do {
            ListObjectsV2Response page = client.listObjectsV2(request.continuationToken(token).build());
            if (!each.handle(page)) {
                return;
            }
            String next = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            if (next != null && next.equals(token)) {
                throw new SourceException(prefix() + "listing of " + location + " did not advance (the same "
                        + "continuation token twice); the server is not S3-compatible here");
            }
            token = next;
        } while (token != null);
    }

    private void eachPage(S3Client client, ListObjectsV2Request.Builder request, Consumer<ListObjectsV2Response> each)
            throws SourceException {
        pages(client, request, page -> {
            each.accept(page);
            return true;
        });
    }

    /** One page of a listing; false stops it. */
    private interface PageHandler {
        boolean handle(ListObjectsV2Response page);
    }

    /** The item of one listed object, or null when it is a folder marker, outside the prefix or not included. */
    private ScanItem item(S3Object object) {
        String key = object.key();
        long size = object.size() == null ? -1 : object.size();
        if (key == null || !key.startsWith(location.prefix()) || key.endsWith("/") && size <= 0) {
            return null;
        }
        String relative = key.substring(location.prefix().length());
        if (relative.isEmpty() || !included(relative)) {
            return null;
        }
        long modified = object.lastModified() == null ? -1 : object.lastModified().toEpochMilli();
        return new ScanItem(source, relative, size, modified, unquoted(object.eTag()));
    }

    private boolean included(String relative) {
        try {
            return include.matches(relative);
        } catch (InvalidPathException e) {
            return false; // a key no glob can match (e.g. with a NUL character)
        }
    }

    private S3Client readClient() {
        S3Client c = readClient;
        if (c == null) {
            synchronized (this) {
                c = readClient;
                if (c == null) {
                    c = client();
                    readClient = c;
                }
            }
        }
        return c;
    }

    /** @throws IllegalArgumentException whose message says why there is no client (invalid options, unreadable credentials) */
    private S3Client client() {
        try {
            return S3Clients.build(options);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (IllegalStateException | UncheckedIOException e) {
            // A credential reference that cannot be read: the message names the variable or file, never a value.
            throw new IllegalArgumentException("credentials unavailable: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the S3 client cannot be built (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private String prefix() {
        return "files source '" + source + "': ";
    }

    private static String unquoted(String etag) {
        if (etag == null || etag.isBlank()) {
            return null;
        }
        String e = etag.strip();
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }
}
