package dev.piimap.reports.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a policy file (YAML; the format is in the README, "Policy drift"):
 * <pre>
 * policy: AhuraSense Cloud privacy policy        # optional title
 * declared:                                      # required, at least one entry
 *   - purpose: payment and transaction records   # required
 *     categories: [user.financial]               # required; known categories or their parents
 *     where:                                     # optional (absent: anywhere); a place or a list of places
 *       {sources: ["app-db"], assets: ["billing.*"]}   # each: sources and/or assets globs ({@link Glob})
 * severity:                                      # optional overrides of the built-in severities
 *   user.financial.bank_account.credit_card: critical
 * </pre>
 * Every problem is a {@link PolicyException} naming the key path, the value and the fix. Unknown keys,
 * duplicate keys and unknown category names are errors, so a misspelling never silently allows or
 * ignores data.
 */
public final class PolicyParser {
    static final Set<String> TOP_KEYS = Set.of("policy", "declared", "severity");
    static final Set<String> DECLARATION_KEYS = Set.of("purpose", "categories", "where");
    static final Set<String> PLACE_KEYS = Set.of("sources", "assets");
    private static final String FILE = "(file)";
    private static final String SEVERITY_NAMES = String.join(", ",
            Arrays.stream(Severity.values()).map(Severity::wireName).toList());

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Reads and validates the policy file at {@code file} (UTF-8). */
    public Policy load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new PolicyException(FILE, file.toString(), "file not found", "pass the path of an existing policy file");
        } catch (IOException e) {
            throw new PolicyException(FILE, file.toString(), "cannot be read (" + e.getClass().getSimpleName() + ")",
                    "check the file's permissions");
        }
    }

    /** Parses and validates policy text. */
    public Policy parse(String text) {
        JsonNode root;
        try {
            root = yaml.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            String message = String.valueOf(e.getOriginalMessage());
            if (message.startsWith("Duplicate field")) {
                throw new PolicyException(FILE, null, "duplicate key " + message.substring("Duplicate field ".length())
                        + where, "write each key once");
            }
            throw new PolicyException(FILE, null, "not valid YAML" + where, "fix the YAML syntax");
        }
        if (root == null || !root.isObject()) {
            throw new PolicyException(FILE, null, "must be a YAML mapping with the keys policy, declared and severity",
                    "start from policies/ahurasense-policy.yaml or the example in the README");
        }
        checkKeys(root, "", TOP_KEYS);
        String name = root.hasNonNull("policy") ? text(root.get("policy"), "policy", "write policy: <the policy's title>") : "";
        return new Policy(name, declarations(root.get("declared")), severities(root.get("severity")));
    }

    private static List<Declaration> declarations(JsonNode node) {
        String fix = "list what the policy declares, e.g. declared: [{purpose: account details, categories: [user.name]}]";
        if (node == null || node.isNull()) {
            throw new PolicyException("declared", null, "missing required key", fix);
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new PolicyException("declared", null, "must be a non-empty list", fix);
        }
        List<Declaration> declared = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            declared.add(declaration(node.get(i), "declared[" + i + "]"));
        }
        return declared;
    }

    private static Declaration declaration(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new PolicyException(path, null, "must be a mapping",
                    "write - {purpose: ..., categories: [...], where: ...}");
        }
        checkKeys(node, path + ".", DECLARATION_KEYS);
        JsonNode purposeNode = node.get("purpose");
        if (purposeNode == null || purposeNode.isNull()) {
            throw new PolicyException(path + ".purpose", null, "missing required key",
                    "say what the data is held for, e.g. purpose: account details");
        }
        String purpose = text(purposeNode, path + ".purpose", "say what the data is held for, e.g. purpose: account details");
        List<String> categories = new ArrayList<>();
        List<String> written = texts(node.get("categories"), path + ".categories",
                "list categories, e.g. categories: [user.contact.email]");
        for (int i = 0; i < written.size(); i++) {
            categories.add(knownCategory(written.get(i), path + ".categories[" + i + "]"));
        }
        return new Declaration(purpose, categories, places(node.get("where"), path + ".where"));
    }

    /** {@code where:} absent (anywhere), one place, or a non-empty list of places. */
    private static List<Place> places(JsonNode node, String path) {
        if (node == null) {
            return List.of();
        }
        if (node.isObject()) {
            return List.of(place(node, path));
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new PolicyException(path, node.isValueNode() ? node.asText() : null,
                    "must be a place {sources: [...], assets: [...]} or a non-empty list of places",
                    "write where: {assets: [\"billing.*\"]}, or remove where: to allow the categories anywhere");
        }
        List<Place> places = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String itemPath = path + "[" + i + "]";
            if (!node.get(i).isObject()) {
                throw new PolicyException(itemPath, null, "must be a mapping",
                        "write - {sources: [\"app-db\"], assets: [\"billing.*\"]}");
            }
            places.add(place(node.get(i), itemPath));
        }
        return places;
    }

    private static Place place(JsonNode node, String path) {
        checkKeys(node, path + ".", PLACE_KEYS);
        List<Glob> sources = globs(node.get("sources"), path + ".sources");
        List<Glob> assets = globs(node.get("assets"), path + ".assets");
        if (sources.isEmpty() && assets.isEmpty()) {
            throw new PolicyException(path, null, "names no sources and no assets",
                    "add sources: [...] and/or assets: [...], or remove where: to allow the categories anywhere");
        }
        return new Place(sources, assets);
    }

    private static List<Glob> globs(JsonNode node, String path) {
        if (node == null) {
            return List.of();
        }
        return texts(node, path, "write a list of globs, e.g. [\"billing.*\", \"logs/**\"]").stream().map(Glob::of).toList();
    }

    private static Map<String, Severity> severities(JsonNode node) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new PolicyException("severity", node.isValueNode() ? node.asText() : null, "must be a mapping",
                    "write severity: {user.financial: high}");
        }
        Map<String, Severity> overrides = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String path = "severity." + field.getKey();
            String category = knownCategory(field.getKey(), path);
            JsonNode value = field.getValue();
            String fix = "use one of: " + SEVERITY_NAMES;
            if (!value.isTextual()) {
                throw new PolicyException(path, value.isValueNode() ? value.asText() : null, "must be a severity", fix);
            }
            Severity severity = Severity.parse(value.textValue())
                    .orElseThrow(() -> new PolicyException(path, value.textValue(), "unknown severity", fix));
            overrides.put(category, severity);
        }
        return overrides;
    }

    private static String knownCategory(String category, String path) {
        if (!Categories.isKnown(category)) {
            throw new PolicyException(path, category, "unknown data category",
                    "use one of: " + String.join(", ", Categories.known()));
        }
        return category;
    }

    /** A non-empty list of non-blank texts; a single text is a list of one. */
    private static List<String> texts(JsonNode node, String path, String fix) {
        if (node == null || node.isNull()) {
            throw new PolicyException(path, null, "missing required key", fix);
        }
        if (node.isValueNode()) {
            return List.of(text(node, path, fix));
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new PolicyException(path, node.isValueNode() ? node.asText() : null, "must be a non-empty list", fix);
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            texts.add(text(node.get(i), path + "[" + i + "]", fix));
        }
        return texts;
    }

    /** A plain value (YAML may read {@code 2025} or {@code app-db} unquoted as either), as text; never blank. */
    private static String text(JsonNode node, String path, String fix) {
        if (!node.isValueNode() || node.isNull() || node.asText().isBlank()) {
            throw new PolicyException(path, null, "must be a non-empty text", fix);
        }
        return node.asText().trim();
    }

    private static void checkKeys(JsonNode node, String prefix, Set<String> known) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!known.contains(key)) {
                throw new PolicyException(prefix + key, null, "unknown key",
                        "remove it or correct the spelling; known keys here: " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }
}
