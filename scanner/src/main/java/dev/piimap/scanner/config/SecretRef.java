package dev.piimap.scanner.config;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference to a secret, {@code ${env:NAME}} or {@code ${file:/path}}, resolved only when a
 * connection is opened (on the executor). {@link #toString()} shows the reference, never the value.
 */
public final class SecretRef implements Serializable {
    private static final Pattern FORM = Pattern.compile("\\$\\{(env|file):([^}]+)}");

    private final String kind;
    private final String target;

    private SecretRef(String kind, String target) {
        this.kind = kind;
        this.target = target;
    }

    /** True when {@code text} has the form of a secret reference. */
    public static boolean isReference(String text) {
        return text != null && FORM.matcher(text.trim()).matches();
    }

    /**
     * Parses a reference.
     *
     * @throws IllegalArgumentException when {@code text} is not of the form {@code ${env:NAME}} or {@code ${file:/path}};
     *                                  the message does not repeat the text, which may be a pasted secret
     */
    public static SecretRef parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a secret reference; write ${env:NAME} or ${file:/path}");
        }
        return new SecretRef(m.group(1), m.group(2).trim());
    }

    /**
     * Reads the secret now.
     *
     * @throws IllegalStateException naming the variable or file when it is unset or unreadable
     */
    public String resolve() {
        if (kind.equals("env")) {
            String value = System.getenv(target);
            if (value == null) {
                throw new IllegalStateException("environment variable " + target + " is not set (referenced as " + this + ")");
            }
            return value;
        }
        try {
            return Files.readString(Path.of(target), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read secret file " + target + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    @Override
    public String toString() {
        return "${" + kind + ":" + target + "}";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretRef other && kind.equals(other.kind) && target.equals(other.target);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, target);
    }
}
