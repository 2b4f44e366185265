package dev.piimap.scanner.source.files;

import java.io.Serializable;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code include} globs of a files source, matched against paths relative to the root and
 * {@code /}-separated. Syntax is java.nio's {@code glob:}: {@code *} stays within a directory,
 * {@code **} crosses directories, {@code {a,b}} and {@code [abc]} as usual. One addition: a leading
 * {@code **}{@code /} also matches no directory, so {@code **}{@code /*.pdf} finds {@code a.pdf} at the
 * root as well as {@code x/y/a.pdf}.
 */
public final class IncludeGlobs implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String> patterns;
    private transient List<PathMatcher> matchers;

    /** @throws IllegalArgumentException naming the pattern when one is not a valid glob */
    public IncludeGlobs(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        this.matchers = compile(this.patterns);
    }

    public List<String> patterns() {
        return patterns;
    }

    /** Whether {@code relativePath} ({@code /}-separated, no leading slash) is included. */
    public boolean matches(String relativePath) {
        if (matchers == null) {
            matchers = compile(patterns);
        }
        Path path = Path.of(relativePath);
        for (PathMatcher m : matchers) {
            if (m.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static List<PathMatcher> compile(List<String> patterns) {
        List<PathMatcher> out = new ArrayList<>();
        for (String pattern : patterns) {
            try {
                out.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
                if (pattern.startsWith("**/")) {
                    out.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3)));
                }
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("include glob '" + pattern + "' is not valid: "
                        + e.getDescription() + "; use java.nio glob syntax, e.g. \"**/*.pdf\"", e);
            }
        }
        return out;
    }
}
