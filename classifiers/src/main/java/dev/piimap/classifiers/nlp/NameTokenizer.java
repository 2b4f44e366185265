package dev.piimap.classifiers.nlp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into the tokens the person-name model was trained on. Rule-based and deterministic,
 * so training and detection see the same tokens: the UD-EWT statistical tokenizer splits
 * {@code Jean-Luc} into {@code Jean -Luc}, keeps {@code 1042,Jane,} whole and separates the periods of
 * {@code J. R. R.}, all of which break names.
 *
 * <p>A token is a run of letters, digits and marks, joined across {@code . ' ’ - @ _ +} when a letter
 * or digit follows ({@code O'Neill}, {@code Jean-Luc}, {@code jane.doe@example.com}, {@code 10.0.0.1}).
 * A possessive {@code 's} is split off ({@code Jane ' s}). A trailing period stays on initials ({@code J.},
 * {@code M.N.}) and on a known abbreviation ({@code Dr.});
 * any other punctuation character is a token of its own. Each line break is a token {@value #NEWLINE},
 * so the model sees a name standing alone on a signature line. Offsets are UTF-16 indices into the
 * text given.
 */
public final class NameTokenizer {
    /** The token standing for a line break (one per run of line breaks). */
    public static final String NEWLINE = "¶";

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "mx", "dr", "prof", "st", "jr", "sr", "sra", "srta", "mme", "mlle", "hr", "fr",
            "sig", "dott", "ing", "mag", "rev", "hon", "messrs", "gen", "col", "capt", "lt", "sgt", "mt", "ave",
            "rd", "blvd", "apt", "no", "nr", "co", "inc", "ltd", "corp", "dept", "str", "av", "avda", "vs", "etc",
            "e.g", "i.e", "approx", "tel", "fax", "ext", "pres", "gov", "sen", "rep", "dipl", "univ");

    /** Token boundaries of one text: {@code starts[i]..ends[i]} is token {@code i}. */
    public record Tokens(String[] tokens, int[] starts, int[] ends) {
        public int size() {
            return tokens.length;
        }
    }

    private NameTokenizer() {
    }

    /** The tokens of {@code text[from, to)}, with offsets into {@code text}. */
    public static Tokens tokenize(CharSequence text, int from, int to) {
        TokenList out = new TokenList(Math.max(8, (to - from) / 4));
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            int start = i;
            if (c == '\n' || c == '\r') {
                while (i < to && (text.charAt(i) == '\n' || text.charAt(i) == '\r' || isBlank(text.charAt(i)))) {
                    i++;
                }
                // The token covers the first break only, so a finding never starts or ends on blanks.
                out.add(NEWLINE, start, start + 1);
                continue;
            }
            if (isBlank(c)) {
                i++;
                continue;
            }
            if (isWordChar(c)) {
                i++;
                while (i < to) {
                    char d = text.charAt(i);
                    if (isWordChar(d)) {
                        i++;
                    } else if (isJoiner(d) && i + 1 < to && isWordChar(text.charAt(i + 1)) && !isPossessive(text, i, to)) {
                        i += 2;
                    } else {
                        break;
                    }
                }
                if (i < to && text.charAt(i) == '.' && keepsPeriod(text, start, i)) {
                    i++;
                }
            } else {
                i++;
                if (Character.isHighSurrogate(c) && i < to && Character.isLowSurrogate(text.charAt(i))) {
                    i++;
                }
            }
            out.add(text.subSequence(start, i).toString(), start, i);
        }
        return out.build();
    }

    /** An initial or run of initials as a token: {@code J}, {@code J.}, {@code M.N.}, {@code J.R.R.}. */
    static boolean isInitials(String token) {
        int end = token.endsWith(".") ? token.length() - 1 : token.length();
        return end > 0 && Character.isUpperCase(token.charAt(0)) && dottedLetters(token, 0, end);
    }

    /** Single letters joined by periods: {@code M}, {@code M.N}, {@code J.R.R}. */
    private static boolean dottedLetters(CharSequence text, int start, int end) {
        if ((end - start) % 2 == 0) {
            return false;
        }
        for (int i = start; i < end; i++) {
            boolean letter = (i - start) % 2 == 0;
            if (letter ? !Character.isLetter(text.charAt(i)) : text.charAt(i) != '.') {
                return false;
            }
        }
        return true;
    }

    public static Tokens tokenize(CharSequence text) {
        return tokenize(text, 0, text.length());
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isJoiner(char c) {
        return c == '.' || c == '\'' || c == '’' || c == '-' || c == '@' || c == '_' || c == '+';
    }

    /** {@code 's} or {@code ’s} ending a word: not joined, so {@code Jane's} holds the name {@code Jane}. */
    private static boolean isPossessive(CharSequence text, int apostrophe, int to) {
        char c = text.charAt(apostrophe);
        return (c == '\'' || c == '’') && (text.charAt(apostrophe + 1) == 's' || text.charAt(apostrophe + 1) == 'S')
                && (apostrophe + 2 >= to || !isWordChar(text.charAt(apostrophe + 2)));
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u00a0' || c == '\f' || c == '\u2009' || c == '\u202f';
    }

    private static final class TokenList {
        private String[] tokens;
        private int[] starts;
        private int[] ends;
        private int size;

        TokenList(int capacity) {
            tokens = new String[capacity];
            starts = new int[capacity];
            ends = new int[capacity];
        }

        void add(String token, int start, int end) {
            if (size == tokens.length) {
                tokens = Arrays.copyOf(tokens, size * 2);
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
            }
            tokens[size] = token;
            starts[size] = start;
            ends[size] = end;
            size++;
        }

        Tokens build() {
            return new Tokens(Arrays.copyOf(tokens, size), Arrays.copyOf(starts, size), Arrays.copyOf(ends, size));
        }
    }

    private static boolean keepsPeriod(CharSequence text, int start, int end) {
        if (dottedLetters(text, start, end)) {
            return true;
        }
        if (end - start > 6) {
            return false;
        }
        return ABBREVIATIONS.contains(text.subSequence(start, end).toString().toLowerCase(Locale.ROOT));
    }
}
