package dev.piimap.classifiers.detect;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.piimap.classifiers.EntityType;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads detector specs from YAML and compiles them into detectors. Errors name the source, the key,
 * the offending value and the fix; they never contain scanned text (specs are configuration).
 */
public final class DetectorSpecs {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> TOP_KEYS = Set.of("id", "type", "description", "prefilter", "patterns",
            "validators", "shrink-on-fail", "boundary", "context", "deny-context", "deny-list", "column-hints");

    private DetectorSpecs() {
    }

    /**
     * Parses one spec. The caller owns and closes {@code yaml}.
     *
     * @param source names the spec in error messages, e.g. {@code detectors/iban.yaml}
     * @throws IllegalArgumentException when the YAML is malformed or a key is unknown, missing or invalid
     */
    public static DetectorSpec read(InputStream yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw invalid(source, "is not valid YAML (" + e.getOriginalMessage() + ")", "fix the YAML syntax");
        } catch (IOException e) {
            throw new IllegalArgumentException("detector spec " + source + " could not be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw invalid(source, "is not a YAML mapping", "start the file with 'id: <detector-id>'");
        }
        try {
            return toSpec(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("detector spec " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Compiles a spec: resolves its validators by name and compiles its patterns with RE2J.
     *
     * @throws IllegalArgumentException naming the spec and the pattern or validator at fault
     */
    public static Detector compile(DetectorSpec spec) {
        try {
            return new SpecDetector(spec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("detector '" + spec.id() + "': " + e.getMessage(), e);
        }
    }

    private static DetectorSpec toSpec(JsonNode root) {
        checkKeys(root, "", TOP_KEYS);
        String typeName = text(root, "type");
        EntityType type = null;
        if (typeName != null) {
            try {
                type = EntityType.valueOf(typeName);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'type' is '" + typeName + "': name one of " + List.of(EntityType.values()), e);
            }
        }
        JsonNode pre = object(root, "prefilter");
        DetectorSpec.Prefilter prefilter = pre == null ? null : new DetectorSpec.Prefilter(
                text(pre, "alphabet"), bool(pre, "any-letter", false), text(pre, "any-of"), integer(pre, "min-digits", 0),
                integer(pre, "max-digit-run", 0), integer(pre, "min-length", 0));
        if (pre != null) {
            checkKeys(pre, "prefilter.", Set.of("alphabet", "any-letter", "any-of", "min-digits", "max-digit-run",
                    "min-length"));
        }
        JsonNode b = object(root, "boundary");
        DetectorSpec.Boundary boundary = null;
        if (b != null) {
            checkKeys(b, "boundary.", Set.of("forbid-before", "forbid-after", "glue-before", "glue-after", "code-groups"));
            boundary = new DetectorSpec.Boundary(text(b, "forbid-before"), text(b, "forbid-after"),
                    text(b, "glue-before"), text(b, "glue-after"), bool(b, "code-groups", false));
        }
        JsonNode c = object(root, "context");
        DetectorSpec.Context context = null;
        if (c != null) {
            checkKeys(c, "context.", Set.of("words", "window", "boost"));
            context = new DetectorSpec.Context(strings(c, "words"), integer(c, "window", DetectorSpec.Context.DEFAULT_WINDOW),
                    number(c, "boost", DetectorSpec.Context.DEFAULT_BOOST));
        }
        JsonNode dc = object(root, "deny-context");
        DetectorSpec.DenyContext denyContext = null;
        if (dc != null) {
            checkKeys(dc, "deny-context.", Set.of("words", "window"));
            denyContext = new DetectorSpec.DenyContext(strings(dc, "words"), integer(dc, "window", DetectorSpec.DenyContext.DEFAULT_WINDOW));
        }
        return new DetectorSpec(text(root, "id"), type, text(root, "description"), prefilter, patterns(root),
                strings(root, "validators"), integer(root, "shrink-on-fail", 0), boundary, context, denyContext,
                strings(root, "deny-list"), strings(root, "column-hints"));
    }

    private static List<DetectorSpec.NamedPattern> patterns(JsonNode root) {
        JsonNode list = root.get("patterns");
        if (list == null) {
            return null;
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException("'patterns' is not a list: write one '- name: ...' entry per pattern");
        }
        List<DetectorSpec.NamedPattern> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            String where = "patterns[" + i + "].";
            if (!p.isObject()) {
                throw new IllegalArgumentException("'" + where + "' is not a mapping: give name, regex and score");
            }
            checkKeys(p, where, Set.of("name", "regex", "score", "requires-context", "needs", "starts-with"));
            if (!p.has("score")) {
                throw new IllegalArgumentException("'" + where + "score' is missing: give the pattern's base score in (0, 1]");
            }
            boolean column = "column".equals(p.path("requires-context").asText());
            if (p.path("requires-context").isTextual() && !column) {
                throw new IllegalArgumentException("'" + where + "requires-context' is '" + p.path("requires-context").asText()
                        + "': write true, false or column (a context word in the header of the match's column only)");
            }
            out.add(new DetectorSpec.NamedPattern(text(p, "name"), text(p, "regex"), number(p, "score", 0),
                    column || bool(p, "requires-context", false), text(p, "needs"), strings(p, "starts-with"), column));
        }
        return out;
    }

    private static void checkKeys(JsonNode node, String prefix, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + prefix + key + "': use one of " + new TreeSet<>(allowed));
            }
        }
    }

    private static JsonNode object(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw new IllegalArgumentException("'" + key + "' is '" + v + "': write it as a mapping of keys");
        }
        return v;
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new IllegalArgumentException("'" + key + "' is '" + v + "': write a single value");
        }
        return v.asText();
    }

    private static boolean bool(JsonNode node, String key, boolean absent) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("'" + key + "' is '" + v.asText() + "': write true or false");
        }
        return v.booleanValue();
    }

    private static int integer(JsonNode node, String key, int absent) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("'" + key + "' is '" + v.asText() + "': write a whole number");
        }
        return v.intValue();
    }

    private static double number(JsonNode node, String key, double absent) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException("'" + key + "' is '" + v.asText() + "': write a number");
        }
        return v.doubleValue();
    }

    private static List<String> strings(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException("'" + key + "' is '" + v.asText() + "': write a list, e.g. [a, b]");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isValueNode() || item.isNull()) {
                throw new IllegalArgumentException("'" + key + "' holds '" + item + "': list plain strings only");
            }
            out.add(item.asText());
        }
        return out;
    }

    private static IllegalArgumentException invalid(String source, String problem, String fix) {
        return new IllegalArgumentException("detector spec " + source + " " + problem + ": " + fix);
    }
}
