package dev.piimap.classifiers.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Matches a column name against a detector's column-name hints. The name is split into lower-case
 * words at separators and camel-case humps ({@code customerEmail} -> customer, email); a hint matches
 * a whole word, and a hint of {@value #MIN_INFIX_LENGTH} or more characters also matches inside the
 * name with its separators removed ({@code e_mail} -> email, {@code social_security_number}).
 */
final class ColumnNameHints {
    static final int MIN_INFIX_LENGTH = 5;

    private ColumnNameHints() {
    }

    /** The first hint that matches {@code columnName}, or null. */
    static String matching(String columnName, List<String> hints) {
        if (columnName == null || columnName.isBlank()) {
            return null;
        }
        List<String> words = words(columnName);
        String joined = String.join("", words);
        for (String hint : hints) {
            String h = hint.toLowerCase(Locale.ROOT);
            if (words.contains(h) || (h.length() >= MIN_INFIX_LENGTH && joined.contains(h))) {
                return hint;
            }
        }
        return null;
    }

    /** The lower-case words of a column name, e.g. {@code "billing.customerSSN"} -> [billing, customer, ssn]. */
    static List<String> words(String columnName) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < columnName.length(); i++) {
            char c = columnName.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(word, words);
                continue;
            }
            boolean hump = Character.isUpperCase(c) && i > 0 && Character.isLowerCase(columnName.charAt(i - 1));
            boolean acronymEnd = Character.isUpperCase(c) && i + 1 < columnName.length()
                    && Character.isLowerCase(columnName.charAt(i + 1)) && i > 0 && Character.isUpperCase(columnName.charAt(i - 1));
            if (hump || acronymEnd) {
                flush(word, words);
            }
            word.append(Character.toLowerCase(c));
        }
        flush(word, words);
        return words;
    }

    /** The column name as words separated by spaces: the context detectors see before each value. */
    static String asText(String columnName) {
        return String.join(" ", words(columnName));
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }
}
