package dev.piimap.scanner.source.files;

import dev.piimap.scanner.config.FilesSourceConfig;
import dev.piimap.scanner.extract.TikaTextExtractor;
import dev.piimap.scanner.source.AssetOutcome;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.ScanItem;
import dev.piimap.scanner.source.SourceConnector;
import dev.piimap.scanner.source.SourceException;
import org.apache.tika.io.TikaInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code type: files} on a local folder (a plain path or a {@code file:} URI). Lists every regular
 * file under the root that an {@code include} glob matches, following symbolic links only while they
 * stay inside the root; scans a file by extracting its text and that of everything embedded in it
 * ({@link TikaTextExtractor}) and classifying each as its own asset. Object storage roots
 * ({@code s3a://}) are not served yet.
 *
 * <p>Holds only its config, so it serializes to executors cheaply; Tika is set up there, on first use.
 */
public final class FilesConnector implements SourceConnector {
    private static final long serialVersionUID = 1L;
    /** A URI scheme of two or more characters (one letter would be a Windows drive). */
    private static final Pattern URI_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:");

    private final FilesSourceConfig config;
    private transient volatile TikaTextExtractor extractor;

    public FilesConnector(FilesSourceConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public List<ScanItem> listItems() throws SourceException {
        Path root = root();
        IncludeGlobs include;
        try {
            include = new IncludeGlobs(config.include());
        } catch (IllegalArgumentException e) {
            throw new SourceException(prefix() + e.getMessage());
        }
        if (!Files.exists(root)) {
            throw new SourceException(prefix() + "root " + root + " does not exist; check the 'root' key");
        }
        if (!Files.isDirectory(root)) {
            throw new SourceException(prefix() + "root " + root + " is not a directory; point 'root' at a folder");
        }
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new SourceException(prefix() + "root " + root + " cannot be resolved ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        List<ScanItem> items = new ArrayList<>();
        try {
            Files.walkFileTree(realRoot, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new Lister(config.name(), realRoot, include, items));
        } catch (AccessDeniedException e) {
            throw new SourceException(prefix() + "root " + root + " cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new SourceException(prefix() + "root " + root + " cannot be listed ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        items.sort(Comparator.comparing(ScanItem::locator));
        return items;
    }

    @Override
    public ItemResult scan(ScanItem item, ScanContext context) {
        try {
            return scanFile(item, context);
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
                attrs.lastModifiedTime().toMillis(), context.classifier(), context.keepSamples());
        TikaInputStream in;
        try {
            in = TikaInputStream.get(file);
        } catch (IOException e) {
            return failed(item, readFailure(e));
        }
        try {
            extractor(context).extract(in, item.locator(), size, collector);
        } finally {
            closeQuietly(in);
        }
        ItemResult result = collector.result();
        boolean fileReported = result.assets().stream().anyMatch(a -> a.asset().equals(item.locator()));
        return fileReported ? result : failed(item, "internal error (no outcome for the file)");
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
        if (lower.startsWith("s3a:") || lower.startsWith("s3:")) {
            throw new SourceException("s3a roots arrive with the object-storage source (issue 4)");
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

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // Everything was read already; a failing close changes no outcome.
        }
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

    /** Collects regular files; keeps symbolic links inside the root; lists unreadable folders as items. */
    private static final class Lister extends SimpleFileVisitor<Path> {
        private final Path realRoot;
        private final IncludeGlobs include;
        private final List<ScanItem> items;
        private final String source;

        Lister(String source, Path realRoot, IncludeGlobs include, List<ScanItem> items) {
            this.source = source;
            this.realRoot = realRoot;
            this.include = include;
            this.items = items;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
            return dir.equals(realRoot) || insideRoot(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            if (attrs.isRegularFile() && insideRoot(file)) {
                String relative = relative(file);
                if (include.matches(relative)) {
                    items.add(new ScanItem(source, relative, attrs.size(), attrs.lastModifiedTime().toMillis()));
                }
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (file.equals(realRoot)) {
                throw e;
            }
            if (e instanceof AccessDeniedException) {
                String relative = relative(file);
                boolean dir = Files.isDirectory(file);
                if (include.matches(relative) || dir && include.matches(relative + "/_")) {
                    items.add(new ScanItem(source, dir ? relative + "/" : relative, -1, -1));
                }
            }
            return FileVisitResult.CONTINUE;
        }

        private boolean insideRoot(Path path) throws IOException {
            return !Files.isSymbolicLink(path) || path.toRealPath().startsWith(realRoot);
        }

        private String relative(Path path) {
            return realRoot.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
        }
    }
}
