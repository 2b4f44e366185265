package dev.piimap.scanner.source.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Walks a JSON document and hands each string leaf (and each number, for keys named like identifiers)
 * to a {@link Visitor} with its path: {@code $.contact.email}, {@code $.phones[*]} (every element of an
 * array shares one path). Paths stop growing at {@value #MAX_PATH_DEPTH} levels; deeper leaves are
 * reported under the path reached so far.
 *
 * <p>Paths end up in explanations, so a key that may be data rather than a field name is shown as
 * {@code *}: anything but a plain name of at most {@value #MAX_KEY_LENGTH} characters, or one with a
 * run of three digits (documents keyed by e-mail address, customer number or date).
 */
final class JsonLeaves {
    static final int MAX_PATH_DEPTH = 16;
    static final int MAX_KEY_LENGTH = 40;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0," + (MAX_KEY_LENGTH - 1) + "}");
    private static final Pattern DIGIT_RUN = Pattern.compile("[0-9]{3}");

    /** Receives leaves in document order. */
    interface Visitor {
        /**
         * @param path the leaf's JSON path
         * @param keys the object keys on the way to it, dot-separated (no array markers), or "" at the root
         */
        void string(String path, String keys, String value);

        /** A number; {@code key} is the nearest object key above it, or null. */
        void number(String path, String keys, String key, BigDecimal value);
    }

    private JsonLeaves() {
    }

    /** The document when {@code text} looks like and parses as a JSON object or array, else null. */
    static JsonNode parseContainer(String text) {
        String t = text.strip();
        if (t.length() < 2 || !(t.startsWith("{") && t.endsWith("}") || t.startsWith("[") && t.endsWith("]"))) {
            return null;
        }
        JsonNode node = parse(t);
        return node != null && node.isContainerNode() ? node : null;
    }

    /** Any JSON value, or null when {@code text} is not JSON. */
    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static void walk(JsonNode root, Visitor visitor) {
        walk(root, new ArrayDeque<>(), null, visitor);
    }

    private record Step(String segment, String key) {
    }

    private static void walk(JsonNode node, Deque<Step> path, String key, Visitor visitor) {
        if (node.isTextual()) {
            visitor.string(path(path), keys(path), node.textValue());
        } else if (node.isNumber()) {
            visitor.number(path(path), keys(path), key, node.decimalValue());
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String shown = shownKey(field.getKey());
                boolean pushed = push(path, new Step("." + shown, shown));
                walk(field.getValue(), path, field.getKey(), visitor);
                pop(path, pushed);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                boolean pushed = push(path, new Step("[*]", null));
                walk(element, path, key, visitor);
                pop(path, pushed);
            }
        }
    }

    private static boolean push(Deque<Step> path, Step step) {
        if (path.size() >= MAX_PATH_DEPTH) {
            return false;
        }
        path.addLast(step);
        return true;
    }

    private static void pop(Deque<Step> path, boolean pushed) {
        if (pushed) {
            path.removeLast();
        }
    }

    /** The key as paths show it: itself when it is a plain field name, else {@code *}. */
    static String shownKey(String key) {
        return PLAIN_KEY.matcher(key).matches() && !DIGIT_RUN.matcher(key).find() ? key : "*";
    }

    private static String path(Deque<Step> path) {
        StringBuilder s = new StringBuilder("$");
        path.forEach(step -> s.append(step.segment()));
        return s.toString();
    }

    private static String keys(Deque<Step> path) {
        StringBuilder s = new StringBuilder();
        for (Step step : path) {
            if (step.key() != null) {
                s.append(s.length() == 0 ? "" : ".").append(step.key());
            }
        }
        return s.toString();
    }
}
