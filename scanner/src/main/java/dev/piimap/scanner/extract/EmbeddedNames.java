package dev.piimap.scanner.extract;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

import java.util.HashSet;
import java.util.Set;

/**
 * Paths of embedded documents: {@code parent!/name}, the name taken from the container (an archive
 * entry's path, an attachment's file name), cleaned so that it cannot fake a nesting level, and made
 * unique within the item by a {@code " (2)"} suffix before the extension.
 */
final class EmbeddedNames {
    static final String SEPARATOR = "!/";
    private static final int MAX_NAME_CHARS = 255;

    private final Set<String> used = new HashSet<>();

    /** Reserves the item's own path so no embedded document can take it. */
    void reserve(String path) {
        used.add(path);
    }

    /** A path for the {@code ordinal}-th child (from 1) of {@code parent}, unique within the item. */
    String childPath(String parent, Metadata metadata, int ordinal) {
        String name = clean(metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY));
        if (name.isEmpty()) {
            name = "embedded-" + ordinal;
        }
        String candidate = parent + SEPARATOR + name;
        for (int n = 2; !used.add(candidate); n++) {
            candidate = parent + SEPARATOR + withSuffix(name, n);
        }
        return candidate;
    }

    static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String segment : raw.replace('\\', '/').split("/")) {
            String s = segment.codePoints().filter(cp -> cp >= 0x20 && cp != 0x7f)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
            if (s.isEmpty() || s.equals(".") || s.equals("..")) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(s);
        }
        String name = out.toString().replace(SEPARATOR, "_/");
        if (name.endsWith("!")) {
            name = name.substring(0, name.length() - 1) + "_";
        }
        return name.length() > MAX_NAME_CHARS ? name.substring(name.length() - MAX_NAME_CHARS) : name;
    }

    private static String withSuffix(String name, int n) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        if (dot > slash + 1) {
            return name.substring(0, dot) + " (" + n + ")" + name.substring(dot);
        }
        return name + " (" + n + ")";
    }
}
