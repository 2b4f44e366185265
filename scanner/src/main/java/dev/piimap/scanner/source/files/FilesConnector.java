package dev.piimap.scanner.source.files;

import dev.piimap.classifiers.mask.Fingerprinter;
import dev.piimap.scanner.config.FilesSourceConfig;
import dev.piimap.scanner.extract.TikaTextExtractor;
import dev.piimap.scanner.source.AssetOutcome;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.source.FingerprintKey;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.ScanItem;
import dev.piimap.scanner.source.SourceConnector;
import dev.piimap.scanner.source.SourceException;
import dev.piimap.scanner.source.SupportsShardedListing;
import dev.piimap.scanner.source.objectstore.ObjectReadException;
import dev.piimap.scanner.source.objectstore.ObjectStoreFiles;
import dev.piimap.scanner.source.objectstore.OpenedObject;
import dev.piimap.scanner.source.objectstore.S3Location;
import org.apache.tika.io.TikaInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code type: files} on a local folder (a plain path or a {@code file:} URI). Lists every regular
 * file under the root that an {@code include} glob matches, following symbolic links only while they
 * stay inside the root; scans a file by extracting its text and that of everything embedded in it
 * ({@link TikaTextExtractor}) and classifying each as its own asset. An {@code s3a://bucket/prefix/}
 * root is served the same way by {@link ObjectStoreFiles}: objects instead of files, keys relative to
 * the prefix instead of paths. Single compressed files ({@code .gz}, {@code .bz2}, {@code .zst}) are
 * decompressed on the fly in both cases ({@link Decompression}).
 *
 * <p>A source with more items than the driver may hold is listed in shards, folders or key prefixes that
 * executors list ({@link SupportsShardedListing}, {@link LocalListing}).
 *
 * <p>Holds only its config, so it serializes to executors cheaply; Tika and the S3 client are set up
 * there, on first use.
 */
public final class FilesConnector implements SourceConnector, SupportsShardedListing {
    private static final long serialVersionUID = 1L;
    /** A URI scheme of two or more characters (one letter would be a Windows drive). */
    private static final Pattern URI_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:");

    private final FilesSourceConfig config;
    private transient volatile TikaTextExtractor extractor;
    private transient volatile ObjectStoreFiles objectStore;

    public FilesConnector(FilesSourceConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public List<ScanItem> listItems() throws SourceException {
        if (S3Location.isObjectStoreRoot(config.root())) {
            return objectStore().listItems();
        }
        includeGlobs();
        Path root = root();
        List<ScanItem> items;
        try {
            items = localListing(root).all(System.currentTimeMillis(), Integer.MAX_VALUE);
        } catch (IOException e) {
            throw listingFailed(root, e);
        }
        items.sort(Comparator.comparing(ScanItem::locator));
        return items;
    }

    /** Lists the source on the driver when it has at most {@code driverLimit} items, else plans shards of its folders or prefixes. */
    @Override
    public Plan planListing(int driverLimit) throws SourceException {
        if (S3Location.isObjectStoreRoot(config.root())) {
            return objectStore().planListing(driverLimit);
        }
        includeGlobs();
        Path root = root();
        LocalListing listing = localListing(root);
        long listedAt = System.currentTimeMillis();
        try {
            List<ScanItem> all = listing.all(listedAt, driverLimit);
            if (all != null) {
                all.sort(Comparator.comparing(ScanItem::locator));
                return Plan.complete(all);
            }
            List<ScanItem> denied = new ArrayList<>();
            List<Shard> shards = listing.shards(listedAt, driverLimit, denied);
            return new Plan(denied, shards);
        } catch (IOException e) {
            throw listingFailed(root, e);
        }
    }

    @Override
    public ShardListing listShard(Shard shard) {
        try {
            if (S3Location.isObjectStoreRoot(config.root())) {
                return objectStore().listShard(shard);
            }
            Path root = root();
            try {
                return new ShardListing(localListing(root).shard(shard), null);
            } catch (IOException e) {
                return new ShardListing(List.of(), listingFailed(root, e).getMessage());
            }
        } catch (SourceException e) {
            return new ShardListing(List.of(), e.getMessage());
        } catch (RuntimeException e) {
            return new ShardListing(List.of(), prefix() + "folder '" + shard.path() + "' cannot be listed ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** The listing of a local root, checked to be a readable folder. */
    private LocalListing localListing(Path root) throws SourceException {
        IncludeGlobs include = includeGlobs();
        if (!Files.exists(root)) {
            throw new SourceException(prefix() + "root " + root + " does not exist; check the 'root' key");
        }
        if (!Files.isDirectory(root)) {
            throw new SourceException(prefix() + "root " + root + " is not a directory; point 'root' at a folder");
        }
        try {
            return new LocalListing(config.name(), root.toRealPath(), include);
        } catch (IOException e) {
            throw new SourceException(prefix() + "root " + root + " cannot be resolved ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private SourceException listingFailed(Path root, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new SourceException(prefix() + "root " + root + " cannot be read: permission denied", e);
        }
        return new SourceException(prefix() + "root " + root + " cannot be listed (" + e.getClass().getSimpleName() + ")", e);
    }

    @Override
    public ItemResult scan(ScanItem item, ScanContext context) {
        try {
            return S3Location.isObjectStoreRoot(config.root()) ? scanObject(item, context) : scanFile(item, context);
        } catch (FingerprintKey.UnavailableException e) {
            return failed(item, e.getMessage() + " (on this executor)");
        } catch (RuntimeException | Error e) {
            return failed(item, "internal error (" + e.getClass().getSimpleName() + ")");
        }
    }

    private ItemResult scanFile(ScanItem item, ScanContext context) {
        Path realRoot;
        Path file;
        try {
            realRoot = root().toRealPath();
            file = realRoot.resolve(item.locator()).normalize();
        } catch (SourceException | IOException | InvalidPathException e) {
            return failed(item, "root not reachable (" + e.getClass().getSimpleName() + ")");
        }
        if (!file.startsWith(realRoot) || file.equals(realRoot)) {
            return failed(item, "path outside the root");
        }
        if (item.locator().endsWith("/")) {
            return failed(item, Files.isReadable(file) ? "directory was unreadable when listed" : "permission denied");
        }
        BasicFileAttributes attrs;
        try {
            if (!file.toRealPath().startsWith(realRoot)) {
                return failed(item, "path outside the root (symbolic link)");
            }
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
            try (InputStream probe = Files.newInputStream(file)) {
                // Opening once tells "permission denied" apart from failures inside the parse.
            }
        } catch (IOException e) {
            return failed(item, readFailure(e));
        }
        long size = attrs.size();
        AssetCollector collector = new AssetCollector(config.name(), item.locator(), size,
                attrs.lastModifiedTime().toMillis(), context.classifier(), context.keepSamples(), context.subjectFingerprinter());
        TikaInputStream in;
        try {
            in = TikaInputStream.get(file);
        } catch (IOException e) {
            return failed(item, readFailure(e));
        }
        Decompression.extract(extractor(context), context.limits(), in, item.locator(), size, collector);
        return checked(item, collector.result());
    }

    private ItemResult scanObject(ScanItem item, ScanContext context) {
        Fingerprinter fingerprinter = context.subjectFingerprinter();
        ObjectStoreFiles store;
        try {
            store = objectStore();
        } catch (SourceException e) {
            return failed(item, e.getMessage());
        }
        OpenedObject object;
        try {
            object = store.open(item);
        } catch (ObjectReadException e) {
            return failed(item, e.getMessage());
        }
        long size = object.bytes() >= 0 ? object.bytes() : item.bytes();
        AssetCollector collector = new AssetCollector(config.name(), item.locator(), size >= 0 ? size : null,
                object.modifiedMillis() >= 0 ? object.modifiedMillis() : null, context.classifier(), context.keepSamples(),
                fingerprinter);
        try {
            Decompression.extract(extractor(context), context.limits(), object.stream(), item.locator(), size, collector);
        } finally {
            object.close();
        }
        ItemResult result = collector.result();
        String readFailure = object.readFailure();
        if (readFailure != null) {
            // The parse failed because the connection did, not the document: say so on what it cut.
            result = new ItemResult(result.assets().stream().map(a -> a.status() != ItemStatus.ERROR ? a
                    : new AssetOutcome(a.source(), a.asset(), a.assetKind(), ItemStatus.ERROR, readFailure, a.bytes(),
                    a.modifiedMillis())).toList(), result.findings(), result.subjects(), result.dates());
        }
        return checked(item, result);
    }

    private ItemResult checked(ScanItem item, ItemResult result) {
        boolean fileReported = result.assets().stream().anyMatch(a -> a.asset().equals(item.locator()));
        return fileReported ? result : failed(item, "internal error (no outcome for the file)");
    }

    private IncludeGlobs includeGlobs() throws SourceException {
        try {
            return new IncludeGlobs(config.include());
        } catch (IllegalArgumentException e) {
            throw new SourceException(prefix() + e.getMessage());
        }
    }

    /** The object store of an s3a root, made once per JVM-side copy of the connector (it caches the client). */
    private ObjectStoreFiles objectStore() throws SourceException {
        ObjectStoreFiles store = objectStore;
        if (store == null) {
            synchronized (this) {
                store = objectStore;
                if (store == null) {
                    S3Location location;
                    try {
                        location = S3Location.parse(config.root());
                    } catch (IllegalArgumentException e) {
                        throw new SourceException(prefix() + e.getMessage());
                    }
                    store = new ObjectStoreFiles(config.name(), location, config.s3(), includeGlobs());
                    objectStore = store;
                }
            }
        }
        return store;
    }

    /** One extractor per executor-side copy of the connector (Tika's parsers are shared by the JVM anyway). */
    private TikaTextExtractor extractor(ScanContext context) {
        TikaTextExtractor e = extractor;
        if (e == null || !e.limits().equals(context.limits())) {
            e = new TikaTextExtractor(context.limits());
            extractor = e;
        }
        return e;
    }

    private Path root() throws SourceException {
        String root = config.root().strip();
        String lower = root.toLowerCase(Locale.ROOT);
        if (S3Location.isObjectStoreRoot(root)) {
            throw new SourceException(prefix() + "root '" + root + "' is an object store, not a folder");
        }
        if (!lower.startsWith("file:") && URI_SCHEME.matcher(root).lookingAt()) {
            throw new SourceException(prefix() + "root '" + root + "' has a scheme this source does not read; "
                    + "use a path, a file: URI or an s3a: URI");
        }
        try {
            if (lower.startsWith("file:")) {
                return Path.of(URI.create(root));
            }
            return Path.of(root).toAbsolutePath();
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            throw new SourceException(prefix() + "root '" + root + "' is not a valid path or file: URI ("
                    + e.getClass().getSimpleName() + "); use /path, ./path or file:///path");
        }
    }

    private String prefix() {
        return "files source '" + config.name() + "': ";
    }

    private ItemResult failed(ScanItem item, String reason) {
        return ItemResult.of(new AssetOutcome(config.name(), item.locator(), AssetCollector.KIND_FILE, ItemStatus.ERROR,
                reason, item.bytes() >= 0 ? item.bytes() : null, item.modifiedMillis() >= 0 ? item.modifiedMillis() : null));
    }

    private static String readFailure(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "file not found (removed after listing)";
        }
        return "read failed (" + e.getClass().getSimpleName() + ")";
    }

    /**
     * A local file's revision: {@code <size>:<mtime millis>}, or null (scan it every time) while its
     * modification time is within {@link #RACY_WINDOW_MILLIS} of the listing. A file rewritten right after
     * listing, at the same size, can keep the same time stamp on file systems with coarse times (FAT: 2 s,
     * HFS+ and some network file systems: 1 s); it would then look unchanged forever after.
     */
    static String revision(long size, long modifiedMillis, long listedAtMillis) {
        return listedAtMillis - modifiedMillis < RACY_WINDOW_MILLIS ? null : size + ":" + modifiedMillis;
    }

    /** See {@link #revision}: the coarsest file time resolution in common use, FAT's 2 seconds. */
    static final long RACY_WINDOW_MILLIS = 2_000;
}
