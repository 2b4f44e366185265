package dev.piimap.classifiers.detect;

import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A nondeterministic automaton over characters that accepts <em>at least</em> every string an RE2
 * regex matches: the raw material of a {@link RegexPrefilter}. Characters are reduced to 129 symbols
 * (each ASCII character, and one symbol for every character outside ASCII); assertions ({@code \b},
 * {@code ^}, {@code $}) are dropped; a counted repetition above a bound ({@code x{16}} with bound 4
 * becomes {@code x{4,}}) becomes an open one; an atom that can match a character outside ASCII accepts any run of them (a supplementary code
 * point is two chars). So the automaton may accept more than the regex, never less: when it finds no
 * match in a text, the regex has none either.
 *
 * <p>Which ASCII characters an atom (a literal, an escape, a bracket class, {@code .}) matches is
 * asked of RE2J itself, with the case and dot flags in force, so the two never disagree on
 * character classes. Syntax this parser does not know ({@code \Q..\E}, back references) raises
 * {@link IllegalArgumentException}: the caller then keeps the regex without a prefilter.
 */
final class RegexApproximation {
    /** Symbol of every character outside ASCII. */
    static final int OTHER = 128;
    static final int SYMBOLS = 129;
    /** Largest repetition count kept exactly by default; larger ones are approximated. */
    static final int MAX_COUNT = 24;
    /** Largest automaton built, in states. */
    static final int MAX_STATES = 4_000;

    private static final int CASE_INSENSITIVE = 1;
    private static final int DOT_NEWLINE = 2;
    /** A POSIX class inside brackets ({@code [[:alpha:]]}, {@code [[:^space:]]}); a bracket merely starting with ':' ({@code [:-]}) is not one. */
    private static final java.util.regex.Pattern POSIX_CLASS = java.util.regex.Pattern.compile("\\[:\\^?[a-z]+:\\]");
    private static final String PROBES = "\u00e9\u00c9\u0416\u20ac\u212a\u017f\u00a0\u0663\u4e2d\ufffd\ud83d\ude00";

    /** Per state: the symbols it consumes (null for an epsilon state). */
    final List<boolean[]> consumes = new ArrayList<>();
    /** Per state: its successors (after consuming, or by epsilon). */
    final List<int[]> next = new ArrayList<>();
    final int start;
    final int accept;

    /**
     * Whether the automaton must accept exactly the regex's matches, with its choices in RE2J's order of
     * preference (see {@link #exact}).
     */
    private final boolean exact;
    /** In the exact form: whether the regex starts with {@code \b}, which the automaton leaves to its caller. */
    final boolean leadingWordBoundary;
    private final String regex;
    private final int maxCount;
    private final Map<String, boolean[]> atoms;
    private int pos;
    /** How many groups the parser is inside. */
    private int depth;

    /**
     * @param maxCount largest repetition count kept exactly
     * @param atoms    a cache of atom symbol sets, shared by approximations of one regex
     * @throws IllegalArgumentException when the syntax is not understood or the automaton grows too large
     */
    RegexApproximation(String regex, int maxCount, Map<String, boolean[]> atoms) {
        this(regex, maxCount, atoms, false);
    }

    private RegexApproximation(String regex, int maxCount, Map<String, boolean[]> atoms, boolean exact) {
        this.regex = regex;
        this.maxCount = maxCount;
        this.atoms = atoms;
        this.exact = exact;
        this.leadingWordBoundary = exact && regex.startsWith("\\b");
        if (leadingWordBoundary) {
            pos = 2;
        }
        int[] flags = {0};
        Fragment whole = alternation(flags);
        if (pos != regex.length()) {
            throw new IllegalArgumentException("unbalanced ')' at " + pos);
        }
        this.accept = epsilon();
        link(whole.out, accept);
        this.start = whole.in;
    }

    /**
     * The exact automaton of {@code regex} over ASCII characters: it accepts exactly the ASCII strings
     * the regex matches, and every epsilon state lists its successors in the order RE2J prefers them
     * (alternatives left to right, greedy repetitions before leaving, lazy ones after), so that a
     * search following the successors in order makes RE2J's choices (see {@link AnchoredDfa}). Which
     * characters outside ASCII an atom matches is not modelled: {@link #consumes} marks
     * {@link #OTHER} where an atom may match one, and a caller meeting such a character must ask RE2J.
     * A leading {@code \b} is left to the caller ({@link #leadingWordBoundary}).
     *
     * @throws IllegalArgumentException when the regex has an assertion other than a leading {@code \b},
     *     a repetition count above {@code maxCount}, a cleared or {@code U} flag, syntax the parser does not
     *     know, or too many states
     */
    static RegexApproximation exact(String regex, int maxCount) {
        return new RegexApproximation(regex, maxCount, new HashMap<>(), true);
    }

    /** A piece of automaton: entered at {@code in}; {@code out} is an epsilon state to link onwards. */
    private record Fragment(int in, int out) {
    }

    private Fragment alternation(int[] flags) {
        List<Fragment> branches = new ArrayList<>();
        branches.add(concatenation(flags));
        while (pos < regex.length() && regex.charAt(pos) == '|') {
            if (depth == 0 && leadingWordBoundary) {
                inexact("a leading \\b before a top-level alternation");
            }
            pos++;
            branches.add(concatenation(flags));
        }
        if (branches.size() == 1) {
            return branches.get(0);
        }
        int in = epsilon();
        int out = epsilon();
        for (Fragment b : branches) {
            link(in, b.in);
            link(b.out, out);
        }
        return new Fragment(in, out);
    }

    private Fragment concatenation(int[] flags) {
        int in = epsilon();
        int out = in;
        while (pos < regex.length() && regex.charAt(pos) != '|' && regex.charAt(pos) != ')') {
            int atomStart = pos;
            Fragment atom = atom(flags);
            if (atom == null) {
                continue;
            }
            atom = repeated(atom, atomStart, flags);
            link(out, atom.in);
            out = atom.out;
        }
        return new Fragment(in, out);
    }

    /** One atom, or null for a flag group such as {@code (?i)} that only changes the flags. */
    private Fragment atom(int[] flags) {
        char c = regex.charAt(pos);
        switch (c) {
            case '(' -> {
                return group(flags);
            }
            case '[' -> {
                int end = bracketEnd(pos);
                String text = regex.substring(pos, end);
                pos = end;
                return symbols(text, flags[0]);
            }
            case '\\' -> {
                return escape(flags[0]);
            }
            case '^', '$' -> {
                inexact("assertion '" + c + "'");
                pos++;
                return empty();
            }
            case '*', '+', '?' -> throw new IllegalArgumentException("missing argument to repetition operator at " + pos);
            default -> {
                int cp = regex.codePointAt(pos);
                String text = regex.substring(pos, pos + Character.charCount(cp));
                pos += text.length();
                boolean plain = text.length() == 1 && (Character.isLetterOrDigit(text.charAt(0)) || text.charAt(0) == ' ');
                return symbols(text.equals(".") || plain ? text : Pattern.quote(text), flags[0]);
            }
        }
    }

    private Fragment group(int[] flags) {
        pos++;
        depth++;
        int inner = flags[0];
        if (regex.startsWith("?", pos)) {
            pos++;
            if (regex.startsWith("P<", pos) || regex.startsWith("<", pos)) {
                pos = regex.indexOf('>', pos) + 1;
                if (pos == 0) {
                    throw new IllegalArgumentException("unterminated group name");
                }
            } else {
                int f = inner;
                while (pos < regex.length() && regex.charAt(pos) != ':' && regex.charAt(pos) != ')') {
                    char flag = regex.charAt(pos++);
                    // A cleared flag is kept set: matching more is always safe here.
                    if (flag == '-' || flag == 'U') {
                        inexact("flag '" + flag + "'");
                    }
                    if (flag == 'i') {
                        f |= CASE_INSENSITIVE;
                    } else if (flag == 's') {
                        f |= DOT_NEWLINE;
                    } else if (flag != 'm' && flag != 'U' && flag != '-') {
                        throw new IllegalArgumentException("unknown flag '" + flag + "'");
                    }
                }
                if (pos >= regex.length()) {
                    throw new IllegalArgumentException("unterminated flag group");
                }
                if (regex.charAt(pos++) == ')') {
                    flags[0] = f;
                    depth--;
                    return null;
                }
                inner = f;
            }
        }
        int[] innerFlags = {inner};
        Fragment body = alternation(innerFlags);
        if (pos >= regex.length() || regex.charAt(pos) != ')') {
            throw new IllegalArgumentException("missing ')'");
        }
        pos++;
        depth--;
        return body;
    }

    private Fragment escape(int flags) {
        if (pos + 1 >= regex.length()) {
            throw new IllegalArgumentException("trailing backslash");
        }
        char e = regex.charAt(pos + 1);
        if ("bBAz".indexOf(e) >= 0) {
            inexact("assertion \\" + e);
            pos += 2;
            return empty();
        }
        int end = pos + 2;
        if (e == 'p' || e == 'P') {
            if (end < regex.length() && regex.charAt(end) == '{') {
                end = regex.indexOf('}', end) + 1;
                if (end == 0) {
                    throw new IllegalArgumentException("unterminated \\p{");
                }
            } else {
                end++;
            }
        } else if (e == 'x') {
            if (end < regex.length() && regex.charAt(end) == '{') {
                end = regex.indexOf('}', end) + 1;
                if (end == 0) {
                    throw new IllegalArgumentException("unterminated \\x{");
                }
            } else {
                end += 2;
            }
        } else if (e == 'Q' || e == 'C' || (e >= '0' && e <= '9')) {
            throw new IllegalArgumentException("escape \\" + e + " is not approximated");
        }
        String text = regex.substring(pos, Math.min(end, regex.length()));
        pos = end;
        return symbols(text, flags);
    }

    /** The end (exclusive) of the bracket class starting at {@code from}. */
    private int bracketEnd(int from) {
        int i = from + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '[' && regex.startsWith("[:", i)) {
                int close = regex.indexOf(":]", i + 2);
                if (close < 0) {
                    throw new IllegalArgumentException("unterminated [: class");
                }
                i = close + 2;
            } else if (c == ']') {
                return i + 1;
            } else {
                i++;
            }
        }
        throw new IllegalArgumentException("missing ']'");
    }

    private Fragment repeated(Fragment atom, int atomStart, int[] flags) {
        Fragment result = atom;
        while (pos < regex.length()) {
            char q = regex.charAt(pos);
            int min;
            int max;
            if (q == '*' || q == '+' || q == '?') {
                pos++;
                min = q == '+' ? 1 : 0;
                max = q == '?' ? 1 : -1;
            } else if (q == '{' && isCount(pos)) {
                int close = regex.indexOf('}', pos);
                String[] parts = regex.substring(pos + 1, close).split(",", -1);
                min = Integer.parseInt(parts[0]);
                max = parts.length == 1 ? min : parts[1].isEmpty() ? -1 : Integer.parseInt(parts[1]);
                pos = close + 1;
            } else {
                return result;
            }
            boolean greedy = true;
            if (pos < regex.length() && regex.charAt(pos) == '?') {
                pos++;
                greedy = false;
            }
            if (max > maxCount || min > maxCount) {
                inexact("repetition count above " + maxCount);
                min = Math.min(min, maxCount);
                max = -1;
            }
            String body = regex.substring(atomStart, pos);
            result = repeat(result, min, max, greedy, () -> reparse(body, atomStart, flags));
        }
        return result;
    }

    /** A fresh copy of the atom just parsed (each repetition needs its own states). */
    private Fragment reparse(String ignored, int atomStart, int[] flags) {
        int saved = pos;
        pos = atomStart;
        int[] copyFlags = {flags[0]};
        Fragment copy = atom(copyFlags);
        pos = saved;
        return copy == null ? empty() : copy;
    }

    private boolean isCount(int at) {
        int close = regex.indexOf('}', at);
        return close > at + 1 && regex.substring(at + 1, close).matches("[0-9]+(,[0-9]*)?");
    }

    /** Fails the exact form, which cannot model {@code what}; the approximation goes on. */
    private void inexact(String what) {
        if (exact) {
            throw new IllegalArgumentException(what + " is not modelled exactly");
        }
    }

    /** Links {@code from} to {@code more} (another repetition) and {@code done}, in the order a {@code greedy} repetition prefers. */
    private void choose(int from, int more, int done, boolean greedy) {
        link(from, greedy ? more : done);
        link(from, greedy ? done : more);
    }

    private Fragment repeat(Fragment first, int min, int max, boolean greedy, java.util.function.Supplier<Fragment> copy) {
        int in = epsilon();
        int out = in;
        Fragment next = first;
        for (int i = 0; i < min; i++) {
            Fragment f = i == 0 ? next : copy.get();
            link(out, f.in);
            out = f.out;
        }
        if (max < 0) {
            Fragment loop = min == 0 ? first : copy.get();
            int end = epsilon();
            choose(out, loop.in, end, greedy);
            choose(loop.out, loop.in, end, greedy);
            return new Fragment(in, end);
        }
        int end = epsilon();
        for (int i = min; i < max; i++) {
            Fragment f = i == 0 ? first : copy.get();
            choose(out, f.in, end, greedy);
            out = f.out;
        }
        link(out, end);
        return new Fragment(in, end);
    }

    /** An atom matching the characters RE2J matches with {@code atom} under {@code flags}. */
    private Fragment symbols(String atom, int flags) {
        boolean[] set = atoms.computeIfAbsent(flags + ":" + atom, k -> symbolSet(atom, flags));
        int in = state(set);
        int out = epsilon();
        link(in, out);
        if (set[OTHER] && !exact) {
            boolean[] other = new boolean[SYMBOLS];
            other[OTHER] = true;
            int more = state(other);
            link(out, more);
            link(more, out);
        }
        return new Fragment(in, out);
    }

    private static boolean[] symbolSet(String atom, int flags) {
        if (atom.length() == 1 && atom.charAt(0) < 128 && atom.charAt(0) != '.') {
            // A plain ASCII character (a quoted one never has length 1 unless it needs no quoting).
            char c = atom.charAt(0);
            boolean[] set = new boolean[SYMBOLS];
            set[c] = true;
            if ((flags & CASE_INSENSITIVE) != 0 && Character.isLetter(c)) {
                set[Character.toLowerCase(c)] = true;
                set[Character.toUpperCase(c)] = true;
                set[OTHER] = true;
            }
            return set;
        }
        String prefix = ((flags & CASE_INSENSITIVE) != 0 ? "(?i)" : "") + ((flags & DOT_NEWLINE) != 0 ? "(?s)" : "");
        Pattern p = Pattern.compile(prefix + "(?:" + atom + ")");
        boolean[] set = new boolean[SYMBOLS];
        for (char c = 0; c < 128; c++) {
            set[c] = p.matches(String.valueOf(c));
        }
        boolean simple = (flags & CASE_INSENSITIVE) == 0 && atom.chars().allMatch(c -> c >= ' ' && c < 127)
                && !atom.startsWith("[^") && !atom.equals(".") && !atom.contains("\\p") && !atom.contains("\\P")
                && !atom.contains("\\D") && !atom.contains("\\S") && !atom.contains("\\W") && !atom.contains("\\x")
                && !POSIX_CLASS.matcher(atom).find();
        set[OTHER] = !simple || PROBES.codePoints().anyMatch(cp -> p.matches(new String(Character.toChars(cp))));
        return set;
    }

    private Fragment empty() {
        int s = epsilon();
        return new Fragment(s, s);
    }

    private int epsilon() {
        return state(null);
    }

    private int state(boolean[] set) {
        if (consumes.size() >= MAX_STATES) {
            throw new IllegalArgumentException("automaton larger than " + MAX_STATES + " states");
        }
        consumes.add(set);
        next.add(new int[0]);
        return consumes.size() - 1;
    }

    private void link(int from, int to) {
        int[] old = next.get(from);
        int[] grown = java.util.Arrays.copyOf(old, old.length + 1);
        grown[old.length] = to;
        next.set(from, grown);
    }
}
