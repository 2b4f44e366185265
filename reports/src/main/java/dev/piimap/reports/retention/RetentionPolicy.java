package dev.piimap.reports.retention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A retention policy: how long which personal data may be kept, read from retention.yaml.
 *
 * <pre>
 * retention:
 *   - name: telemetry                 # required, unique
 *     categories: [user.device]       # fideslang data categories; a category covers those below it
 *     sources: [app-db]               # optional source name globs
 *     assets: ["telemetry.*"]         # optional table (schema.table) or file path globs
 *     max-age: 13 months              # required: N days | weeks | months | years
 *     basis: "privacy policy, 7"      # optional free text: where the rule comes from
 * </pre>
 *
 * Each rule needs at least one of categories, sources and assets (see {@link RetentionRule} for how they
 * match). Keys are kebab-case; unknown keys, bad durations, categories no detector reports (nor anything
 * below them) and duplicate names are {@link RetentionPolicyException}s naming the key, the value and the fix.
 *
 * @param rules in file order, at least one
 */
public record RetentionPolicy(List<RetentionRule> rules) {
    static final Set<String> TOP_KEYS = Set.of("retention");
    static final Set<String> RULE_KEYS = Set.of("name", "categories", "sources", "assets", "max-age", "basis");
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
    private static final String MAX_AGE_FIX = "write max-age: 90 days, 13 months or 7 years (days, weeks, months or years)";

    public RetentionPolicy {
        rules = List.copyOf(rules);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("a retention policy needs at least one rule");
        }
    }

    /**
     * Reads a retention.yaml file.
     *
     * @param knownCategories the data categories findings can have (see {@link #parse})
     * @throws RetentionPolicyException when the file cannot be read or is not a valid policy
     */
    public static RetentionPolicy load(Path file, Collection<String> knownCategories) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new RetentionPolicyException(RetentionPolicyException.FILE, null, "file not found",
                    "pass the path of an existing retention.yaml").in(file);
        } catch (IOException e) {
            throw new RetentionPolicyException(RetentionPolicyException.FILE, null,
                    "cannot be read (" + e.getClass().getSimpleName() + ")", "check the file's permissions").in(file);
        }
        try {
            return parse(text, knownCategories);
        } catch (RetentionPolicyException e) {
            throw e.in(file);
        }
    }

    /**
     * Parses retention.yaml text.
     *
     * @param knownCategories the data categories findings can have (the scanner's entity types' categories); a
     *                        rule's category must be one of them or a parent of one
     * @throws RetentionPolicyException on the first problem
     */
    public static RetentionPolicy parse(String text, Collection<String> knownCategories) {
        Objects.requireNonNull(knownCategories, "knownCategories");
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new RetentionPolicyException(RetentionPolicyException.FILE, null, "not valid YAML" + where, "fix the YAML syntax");
        }
        if (root == null || !root.isObject()) {
            throw new RetentionPolicyException(RetentionPolicyException.FILE, null, "must be a YAML mapping with the key retention",
                    "start from policies/ahurasense-retention.yaml or the README's example");
        }
        checkKeys(root, "", TOP_KEYS);
        JsonNode list = root.get("retention");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new RetentionPolicyException("retention", list == null || !list.isValueNode() ? null : list.asText(),
                    "must be a non-empty list of rules", "write retention: followed by rules, each starting with '- name:'");
        }
        List<RetentionRule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "retention[" + i + "]";
            RetentionRule rule = parseRule(list.get(i), path, knownCategories);
            if (!names.add(rule.name())) {
                throw new RetentionPolicyException(path + ".name", rule.name(), "duplicate rule name",
                        "give every rule a unique name");
            }
            rules.add(rule);
        }
        return new RetentionPolicy(rules);
    }

    /**
     * The rule that applies to an asset: of those that apply, the one with the shortest max age on
     * {@code asOf} (the latest cutoff); on a tie, the first in the file. Null when none applies.
     */
    public RetentionRule strictest(String source, String asset, Collection<String> categories, LocalDate asOf) {
        RetentionRule best = null;
        for (RetentionRule rule : rules) {
            if (rule.appliesTo(source, asset, categories)
                    && (best == null || rule.maxAge().cutoff(asOf).isAfter(best.maxAge().cutoff(asOf)))) {
                best = rule;
            }
        }
        return best;
    }

    private static RetentionRule parseRule(JsonNode node, String path, Collection<String> knownCategories) {
        if (!node.isObject()) {
            throw new RetentionPolicyException(path, node.isValueNode() ? node.asText() : null, "must be a mapping",
                    "write each rule as '- name: ...' with max-age and categories, sources or assets");
        }
        checkKeys(node, path + ".", RULE_KEYS);
        String name = text(node, "name", path + ".name", "give the rule a name, e.g. name: telemetry");
        if (name == null) {
            throw new RetentionPolicyException(path + ".name", null, "missing required key", "give the rule a name, e.g. name: telemetry");
        }
        String ageText = text(node, "max-age", path + ".max-age", MAX_AGE_FIX);
        if (ageText == null) {
            throw new RetentionPolicyException(path + ".max-age", null, "missing required key", MAX_AGE_FIX);
        }
        MaxAge maxAge;
        try {
            maxAge = MaxAge.parse(ageText);
        } catch (IllegalArgumentException e) {
            throw new RetentionPolicyException(path + ".max-age", ageText,
                    "not a duration of 1 to " + MaxAge.MAX_AMOUNT + " days, weeks, months or years", MAX_AGE_FIX);
        }
        List<String> categories = list(node, "categories", path + ".categories", "write categories: [user.device]");
        for (int i = 0; i < categories.size(); i++) {
            String category = categories.get(i);
            if (!CATEGORY.matcher(category).matches()
                    || knownCategories.stream().noneMatch(known -> RetentionRule.covers(category, known))) {
                throw new RetentionPolicyException(path + ".categories[" + i + "]", category,
                        "unknown data category: no detector reports it or a category below it",
                        "use a fideslang category such as " + String.join(", ", parents(knownCategories)));
            }
        }
        List<String> sources = list(node, "sources", path + ".sources", "write sources: [\"helpdesk*\"]");
        List<String> assets = list(node, "assets", path + ".assets", "write assets: [\"billing.*\", \"exports/**\"]");
        if (categories.isEmpty() && sources.isEmpty() && assets.isEmpty()) {
            throw new RetentionPolicyException(path, name, "selects nothing",
                    "add categories, sources or assets (categories: [user] covers all personal data)");
        }
        String basis = text(node, "basis", path + ".basis", "write basis: \"privacy policy, section 7\"");
        return new RetentionRule(name, categories, sources, assets, maxAge, basis);
    }

    /** The two-part parents of the known categories ({@code user.contact}, {@code user.device}, ...), for fixes. */
    private static Set<String> parents(Collection<String> known) {
        Set<String> out = new TreeSet<>();
        for (String k : known) {
            String[] parts = k.split("\\.");
            out.add(parts.length <= 2 ? k : parts[0] + "." + parts[1]);
        }
        return out;
    }

    private static void checkKeys(JsonNode node, String prefix, Set<String> known) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            String key = it.next().getKey();
            if (!known.contains(key)) {
                throw new RetentionPolicyException(prefix + key, null, "unknown key",
                        "remove it or correct the spelling; known keys here: " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    private static String text(JsonNode parent, String key, String path, String fix) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isValueNode() || n.isBoolean() || n.asText().isBlank()) {
            throw new RetentionPolicyException(path, n.isValueNode() ? n.asText() : null, "must be a non-empty text value", fix);
        }
        return n.asText().trim();
    }

    private static List<String> list(JsonNode parent, String key, String path, String fix) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray() || n.isEmpty()) {
            throw new RetentionPolicyException(path, n.isValueNode() ? n.asText() : null, "must be a non-empty list", fix);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode item = n.get(i);
            if (!item.isTextual() || item.textValue().isBlank()) {
                throw new RetentionPolicyException(path + "[" + i + "]", item.isValueNode() ? item.asText() : null,
                        "must be a non-empty text value", fix);
            }
            out.add(item.textValue().trim());
        }
        return out;
    }
}
