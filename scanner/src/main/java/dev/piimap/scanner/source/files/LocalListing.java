package dev.piimap.scanner.source.files;

import dev.piimap.scanner.source.ScanItem;
import dev.piimap.scanner.source.SupportsShardedListing.Shard;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The regular files under a local root that an {@code include} glob matches, walked with symbolic links
 * followed while they stay inside the root; a folder that cannot be read is listed as an item of its own
 * ({@code path/}, no size), so its outcome says so. Walks the whole tree ({@link #all}), or plans shards of
 * it and walks one shard ({@link #shards}, {@link #shard}) with exactly the same result in the union: a
 * shard is a folder and everything under it, or only the files directly in a folder, and a shard's walk
 * treats the folders above it as a whole walk would (a link back to one of them is a loop, not entered).
 */
final class LocalListing {
    /** Shards wanted at most; the planner stops going deeper once it has this many. */
    static final int TARGET_SHARDS = 256;
    /** Folder levels the planner walks at most. */
    static final int MAX_PLAN_DEPTH = 4;

    private final String source;
    private final Path realRoot;
    private final IncludeGlobs include;

    /** @param realRoot the root as {@link Path#toRealPath} gives it */
    LocalListing(String source, Path realRoot, IncludeGlobs include) {
        this.source = source;
        this.realRoot = realRoot;
        this.include = include;
    }

    /**
     * Every item, or null once more than {@code limit} are found (the walk stops there).
     *
     * @throws IOException when the root itself cannot be read
     */
    List<ScanItem> all(long listedAtMillis, int limit) throws IOException {
        List<ScanItem> items = new ArrayList<>();
        try {
            Files.walkFileTree(realRoot, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new Lister(realRoot, Set.of(), items, listedAtMillis, limit));
        } catch (LimitReached e) {
            return null;
        }
        return items;
    }

    /**
     * Shards covering the whole tree, from a walk of its folders only: the folders down to some depth
     * each give a shard of their own files, the folders at that depth a shard of everything under them.
     * The depth grows (to {@value #MAX_PLAN_DEPTH}) until there are {@value #TARGET_SHARDS} shards, or a
     * deeper plan would have more than {@code limit}. Unreadable folders met on the way go to {@code denied}.
     *
     * @throws IOException when the root itself cannot be read
     */
    List<Shard> shards(long listedAtMillis, int limit, List<ScanItem> denied) throws IOException {
        List<Shard> plan = null;
        List<ScanItem> planDenied = List.of();
        for (int depth = 1; depth <= MAX_PLAN_DEPTH; depth++) {
            List<Shard> shards = new ArrayList<>();
            List<ScanItem> unreadable = new ArrayList<>();
            boolean deeper = folders(depth, listedAtMillis, shards, unreadable);
            if (plan != null && shards.size() > limit) {
                break;
            }
            plan = shards;
            planDenied = unreadable;
            if (!deeper || shards.size() >= TARGET_SHARDS) {
                break;
            }
        }
        denied.addAll(planDenied);
        return plan;
    }

    /** One plan at {@code depth}; true when some folder lies at that depth (a deeper plan would differ). */
    private boolean folders(int depth, long listedAtMillis, List<Shard> shards, List<ScanItem> denied) throws IOException {
        boolean[] atDepth = {false};
        Files.walkFileTree(realRoot, EnumSet.of(FileVisitOption.FOLLOW_LINKS), depth, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(realRoot) && !insideRoot(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                shards.add(new Shard(folderPath(dir), false, listedAtMillis));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                // Folders at the depth limit come here unopened: each is a shard of everything under it.
                if (attrs.isDirectory() && insideRoot(file)) {
                    shards.add(new Shard(folderPath(file), true, listedAtMillis));
                    atDepth[0] = true;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (file.equals(realRoot)) {
                    throw e;
                }
                unreadable(file, e, denied);
                return FileVisitResult.CONTINUE;
            }
        });
        return atDepth[0];
    }

    /**
     * The items of one shard.
     *
     * @throws IOException when the shard's folder cannot be read because the root cannot
     */
    List<ScanItem> shard(Shard shard) throws IOException {
        Path start = shard.path().isEmpty() ? realRoot : realRoot.resolve(shard.path());
        // The folders a whole walk would be inside when it reaches this one: a link back to them is a loop.
        Set<Object> above = new HashSet<>();
        Path dir = realRoot;
        above.add(key(dir));
        String[] names = shard.path().isEmpty() ? new String[0] : shard.path().split("/");
        for (int i = 0; i < names.length - 1; i++) {
            dir = dir.resolve(names[i]);
            above.add(key(dir));
        }
        List<ScanItem> items = new ArrayList<>();
        if (!start.equals(realRoot) && above.contains(key(start))) {
            return items;
        }
        Files.walkFileTree(start, EnumSet.of(FileVisitOption.FOLLOW_LINKS), shard.recursive() ? Integer.MAX_VALUE : 1,
                new Lister(start, above, items, shard.listedAtMillis(), Integer.MAX_VALUE));
        return items;
    }

    /** What identifies a folder for loop detection: its file key, or its real path where there is none. */
    private static Object key(Path dir) throws IOException {
        Object key = Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
        return key != null ? key : dir.toRealPath();
    }

    private void unreadable(Path file, IOException e, List<ScanItem> into) {
        if (e instanceof AccessDeniedException) {
            String relative = relative(file);
            boolean dir = Files.isDirectory(file);
            if (include.matches(relative) || dir && include.matches(relative + "/_")) {
                into.add(new ScanItem(source, dir ? relative + "/" : relative, -1, -1));
            }
        }
    }

    private boolean insideRoot(Path path) throws IOException {
        return !Files.isSymbolicLink(path) || path.toRealPath().startsWith(realRoot);
    }

    private String relative(Path path) {
        return realRoot.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
    }

    private String folderPath(Path dir) {
        String relative = relative(dir);
        return relative.isEmpty() ? "" : relative + "/";
    }

    /** Thrown out of a walk that found more items than it may hold. */
    private static final class LimitReached extends IOException {
        LimitReached() {
            super(null, null);
        }
    }

    /** Collects regular files; keeps symbolic links inside the root; lists unreadable folders as items. */
    private final class Lister extends SimpleFileVisitor<Path> {
        private final Path start;
        private final Set<Object> above;
        private final List<ScanItem> items;
        private final long listedAtMillis;
        private final int limit;

        /** @param above keys of the folders above {@code start} in a whole walk (empty from the root) */
        Lister(Path start, Set<Object> above, List<ScanItem> items, long listedAtMillis, int limit) {
            this.start = start;
            this.above = above;
            this.items = items;
            this.listedAtMillis = listedAtMillis;
            this.limit = limit;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
            if (dir.equals(realRoot)) {
                return FileVisitResult.CONTINUE;
            }
            if (!insideRoot(dir) || !above.isEmpty() && !dir.equals(start) && above.contains(attrs.fileKey() != null
                    ? attrs.fileKey() : dir.toRealPath())) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            if (attrs.isRegularFile() && insideRoot(file)) {
                String relative = relative(file);
                if (include.matches(relative)) {
                    long modified = attrs.lastModifiedTime().toMillis();
                    items.add(new ScanItem(source, relative, attrs.size(), modified,
                            FilesConnector.revision(attrs.size(), modified, listedAtMillis)));
                    if (items.size() > limit) {
                        throw new LimitReached();
                    }
                }
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (file.equals(realRoot)) {
                throw e;
            }
            unreadable(file, e, items);
            return FileVisitResult.CONTINUE;
        }
    }
}
