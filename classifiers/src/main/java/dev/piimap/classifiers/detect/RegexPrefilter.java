package dev.piimap.classifiers.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A deterministic automaton, built once from a {@link RegexApproximation}, that tells in one cheap
 * pass (two array reads per character) whether a stretch of text <em>may</em> hold a match of a
 * regex: when it answers false the regex certainly has no match there, so the far slower RE2J run
 * can be skipped; when it answers true RE2J decides. The unanchored form looks for a match anywhere
 * in the stretch, the anchored one for a match starting at its first character.
 *
 * <p>Built eagerly (the subset construction is bounded by {@value #MAX_STATES} states, {@value
 * #MAX_ANCHORED_STATES} when anchored; beyond that {@link #of} gives up and returns null), then
 * immutable and thread-safe.
 */
final class RegexPrefilter {
    static final int MAX_STATES = 500;
    /**
     * The bound for an anchored automaton, tried on a few positions only: a label pattern of two dozen
     * words (secret, client secret, api key, ... token) needs up to 1,100 states, and its depth-limited
     * fallback let every "token" or "access" in prose through to RE2J (5,800 runs per 8 MB of the bench
     * corpus, none a match). Not more: a regex that does not fit costs a failed build of this many states
     * on first use in every JVM (the date-of-birth label pattern fails twice).
     */
    static final int MAX_ANCHORED_STATES = 1_200;
    /**
     * The repetition bounds tried in turn: counts kept exactly up to 24, else up to 8, 3 or 1. Counting
     * inside an unanchored search ({@code AKIA[A-Z0-9]{16}} amid upper-case text) can need a state per
     * combination of counts; coarser counts filter less but stay small.
     */
    private static final int[] MAX_COUNTS = {RegexApproximation.MAX_COUNT, 8, 3, 1};
    /**
     * For an anchored regex too large for a whole automaton (a label pattern with dozens of words in
     * several languages), the depths tried, the deepest that fits kept: the automaton follows the first
     * characters only and answers "may match" for whatever survives them. That is still what rejects nearly every word start.
     * (The date-of-birth label pattern needs 216 states at depth 5, 595 at 6 and about 1,900 at 7: depth 5
     * let "Data a..." through to RE2J 2,600 times per 8 MB of the bench corpus, depth 6 rejects it.)
     */
    private static final int[] MAX_DEPTHS = {3, 5, 6, 8, 12};
    private static final int UNLIMITED = Integer.MAX_VALUE;
    private static final int ACCEPT = -1;
    private static final int DEAD = -2;

    /** Per symbol (ASCII characters, then {@link RegexApproximation#OTHER}), its class. */
    private final int[] classOf;
    private final int classes;
    /** Per state row (state index times {@link #classes}) and class: the next row, or ACCEPT or DEAD. */
    private final int[] table;
    private final boolean acceptsAtOnce;

    private RegexPrefilter(int[] classOf, int classes, int[] table, boolean acceptsAtOnce) {
        this.classOf = classOf;
        this.classes = classes;
        this.table = table;
        this.acceptsAtOnce = acceptsAtOnce;
    }

    /**
     * The prefilter of {@code regex}, or null when it cannot be built (syntax the approximation does
     * not know, or too many states): the caller then runs the regex everywhere, as without prefilter.
     *
     * @param anchored whether a match must start at the first character looked at
     */
    static RegexPrefilter of(String regex, boolean anchored) {
        Map<String, boolean[]> atoms = new HashMap<>();
        for (int maxCount : MAX_COUNTS) {
            if (anchored && maxCount != RegexApproximation.MAX_COUNT && maxCount != 1) {
                // Anchored label patterns that outgrow the bound at full counts have a depth-limited fallback.
                continue;
            }
            try {
                RegexPrefilter built = build(new RegexApproximation(regex, maxCount, atoms), anchored, UNLIMITED);
                if (built != null) {
                    return built;
                }
            } catch (IllegalArgumentException | com.google.re2j.PatternSyntaxException e) {
                // Unknown syntax stays unknown; an automaton too large may fit with coarser counts.
            }
        }
        // Depths in increasing order, keeping the deepest automaton that fits: states grow with depth, so
        // the first that does not fit ends the search (a failed build costs the most).
        RegexPrefilter deepest = null;
        for (int depth : anchored ? MAX_DEPTHS : new int[0]) {
            try {
                RegexPrefilter built = build(new RegexApproximation(regex, 1, atoms), true, depth);
                if (built == null) {
                    break;
                }
                deepest = built;
            } catch (IllegalArgumentException | com.google.re2j.PatternSyntaxException e) {
                return null;
            }
        }
        return deepest;
    }

    /**
     * Whether {@code text[from, to)} may hold a match (anchored: one starting at {@code from}) that
     * ends at or before {@code to}.
     */
    boolean mayMatch(char[] text, int from, int to) {
        if (acceptsAtOnce) {
            return true;
        }
        int row = 0;
        for (int i = from; i < to; i++) {
            row = next(row, text[i]);
            if (row < 0) {
                return row == ACCEPT;
            }
        }
        return false;
    }

    /**
     * For an anchored prefilter: the pairs of first two characters a match may start with, as
     * {@code 128 * first + second}, ascending; null when a match may start otherwise than with an ASCII
     * letter followed by an ASCII character (one character long, a first character outside ASCII or not
     * a letter, a second outside ASCII), or when there are more than {@code max} pairs. The automaton
     * accepts a superset of the regex's matches, so every match starts with one of the pairs.
     */
    int[] startPairs(int max) {
        if (acceptsAtOnce || table[classOf[RegexApproximation.OTHER]] != DEAD) {
            return null;
        }
        TextIndex.IntList pairs = new TextIndex.IntList();
        for (char first = 0; first < 128; first++) {
            int row = next(0, first);
            if (row == DEAD) {
                continue;
            }
            boolean letter = (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z');
            if (row == ACCEPT || !letter || table[row + classOf[RegexApproximation.OTHER]] != DEAD) {
                return null;
            }
            for (char second = 0; second < 128; second++) {
                if (next(row, second) != DEAD) {
                    if (pairs.size() == max) {
                        return null;
                    }
                    pairs.add(128 * first + second);
                }
            }
        }
        return pairs.toArray();
    }

    /**
     * For an anchored prefilter: the chains of characters of {@code set} that every match holds, or null
     * when some match holds no two of them at most {@code maxGap} apart. A chain is {@code length}
     * characters of the set, each one of the kept {@code distances} (bit {@code d} for a distance
     * {@code d}) after the one before: a MAC address's five separators, each 3 after the one before; an
     * IPv4 address's three dots, 2 to 4 apart. The length is the longest every match holds with any
     * distance up to {@code maxGap}; then distances are dropped, largest first, while every match still
     * holds a chain that long, so that prose and logs hold few. The automaton accepts a superset of the
     * regex's matches, so what holds for it holds for the regex.
     */
    Chain chainOf(boolean[] set, int maxGap) {
        if (acceptsAtOnce || maxGap < 1 || maxGap > MAX_GAP) {
            return null;
        }
        long all = ((1L << maxGap) - 1) << 1;
        if (!everyMatchHasChain(set, all, 2)) {
            return null;
        }
        int length = 2;
        while (length < MAX_CHAIN && everyMatchHasChain(set, all, length + 1)) {
            length++;
        }
        long distances = all;
        for (int d = maxGap; d >= 1; d--) {
            long fewer = distances & ~(1L << d);
            if (fewer != 0 && everyMatchHasChain(set, fewer, length)) {
                distances = fewer;
            }
        }
        return new Chain(distances, length);
    }

    /** What {@link #chainOf} found: bit {@code d} of {@code distances} for each kept distance, and the chains' length (2 or more). */
    record Chain(long distances, int length) {
    }

    /** Largest distance {@link #chainOf} looks at: the search's window holds 3 bits per character. */
    static final int MAX_GAP = 8;

    /** Longest chain {@link #chainOf} looks for: a chain's length takes 3 bits of the search's window. */
    static final int MAX_CHAIN = 7;

    /**
     * Whether every path from the start to ACCEPT reads a chain of {@code length} characters of
     * {@code set} a kept distance apart: a search over pairs of row and window, the window holding for
     * each of the last few characters the length of the chain ending there (3 bits each, 0 for a
     * character not in the set).
     */
    private boolean everyMatchHasChain(boolean[] set, long distances, int length) {
        int span = 63 - Long.numberOfLeadingZeros(distances);
        long windowMask = (1L << (3 * span)) - 1;
        TextIndex.IntList moves = distinctMoves(set);
        java.util.Set<Long> seen = new java.util.HashSet<>();
        java.util.ArrayDeque<long[]> queue = new java.util.ArrayDeque<>();
        seen.add(0L);
        queue.add(new long[] {0, 0});
        while (!queue.isEmpty()) {
            long[] state = queue.poll();
            int row = (int) state[0];
            long window = state[1];
            for (int m = 0; m < moves.size(); m++) {
                int move = moves.get(m);
                int chain = 0;
                if ((move & 1) == 1) {
                    int before = 0;
                    for (int d = 1; d <= span; d++) {
                        if ((distances >>> d & 1) == 1) {
                            before = Math.max(before, (int) (window >>> (3 * (d - 1)) & 7));
                        }
                    }
                    chain = before + 1;
                    if (chain >= length) {
                        continue;
                    }
                }
                int next = table[row + (move >> 1)];
                if (next == ACCEPT) {
                    return false;
                }
                if (next == DEAD) {
                    continue;
                }
                long nextWindow = (window << 3 | chain) & windowMask;
                if (seen.add(((long) next << (3 * span)) | nextWindow)) {
                    queue.add(new long[] {next, nextWindow});
                }
            }
        }
        return true;
    }

    /** The moves that differ for a search keeping track of {@code set}: {@code 2 * class + (1 if in the set)}, each once. */
    private TextIndex.IntList distinctMoves(boolean[] set) {
        TextIndex.IntList moves = new TextIndex.IntList();
        boolean[] known = new boolean[2 * classes];
        for (int s = 0; s < RegexApproximation.SYMBOLS; s++) {
            int move = 2 * classOf[s] + (s < 128 && set[s] ? 1 : 0);
            if (!known[move]) {
                known[move] = true;
                moves.add(move);
            }
        }
        return moves;
    }

    /** {@link #mayMatch(char[], int, int)} over a {@link CharSequence}. */
    boolean mayMatch(CharSequence text, int from, int to) {
        if (acceptsAtOnce) {
            return true;
        }
        int row = 0;
        for (int i = from; i < to; i++) {
            row = next(row, text.charAt(i));
            if (row < 0) {
                return row == ACCEPT;
            }
        }
        return false;
    }

    /** The class of ASCII character {@code c}: characters of one class lead from every state to the same state. */
    int classOf(char c) {
        return classOf[c];
    }

    /** The row after reading {@code c} in {@code row}: a row index, or ACCEPT or DEAD. */
    private int next(int row, char c) {
        return table[row + classOf[c < 128 ? c : RegexApproximation.OTHER]];
    }

    /**
     * A prefilter built on first use, so that loading detectors stays quick and patterns never tried
     * cost nothing. Thread-safe: threads that race to build it build equal ones, and any may be kept.
     */
    static final class Lazy {
        private final OnFirstUse<RegexPrefilter> prefilter;

        Lazy(String regex, boolean anchored) {
            this.prefilter = new OnFirstUse<>(() -> of(regex, anchored));
        }

        /** Like {@link RegexPrefilter#mayMatch}; always true when the regex has no prefilter. */
        boolean mayMatch(char[] text, int from, int to) {
            RegexPrefilter f = built();
            return f == null || f.mayMatch(text, from, to);
        }

        /** Like {@link RegexPrefilter#mayMatch(CharSequence, int, int)}; always true when the regex has no prefilter. */
        boolean mayMatch(CharSequence text, int from, int to) {
            RegexPrefilter f = built();
            return f == null || f.mayMatch(text, from, to);
        }

        /** The prefilter, built now if not yet; null when the regex has none. */
        RegexPrefilter built() {
            return prefilter.get();
        }
    }

    /**
     * Whether the regex starts with at least {@code length} fixed characters, which RE2J finds with a fast
     * substring search: over a long text that beats any automaton.
     */
    static boolean hasLiteralPrefix(String regex, int length) {
        int n = 0;
        while (n < regex.length() && "\\.+*?()[]{}|^$".indexOf(regex.charAt(n)) < 0) {
            n++;
        }
        if (n < regex.length() && "*?{".indexOf(regex.charAt(n)) >= 0) {
            n--;
        }
        return n >= length;
    }

    /**
     * The fixed characters, at least {@code length} of them, that begin every match of {@code regex}
     * (compared case-sensitively); null when the regex does not start so, or has an alternative
     * ({@code |}) anywhere, which might not.
     */
    static String literalPrefix(String regex, int length) {
        if (regex.indexOf('|') >= 0 || !hasLiteralPrefix(regex, length)) {
            return null;
        }
        int n = 0;
        while (n < regex.length() && "\\.+*?()[]{}|^$".indexOf(regex.charAt(n)) < 0) {
            n++;
        }
        if (n < regex.length() && "*?{".indexOf(regex.charAt(n)) >= 0) {
            n--;
        }
        return regex.substring(0, n);
    }

    /**
     * The automaton, or null when it needs more than {@value #MAX_STATES} states ({@value
     * #MAX_ANCHORED_STATES} anchored). States {@code maxDepth} characters from the start move to ACCEPT
     * on any character that keeps a thread alive.
     */
    private static RegexPrefilter build(RegexApproximation approximation, boolean anchored, int maxDepth) {
        Subsets nfa = new Subsets(approximation);
        int[] classOf = new int[RegexApproximation.SYMBOLS];
        int classes = symbolClasses(approximation, classOf);
        int[] representative = new int[classes];
        for (int s = RegexApproximation.SYMBOLS - 1; s >= 0; s--) {
            representative[classOf[s]] = s;
        }
        int[] start = nfa.closure(new int[] {approximation.start}, 1);
        if (contains(start, approximation.accept)) {
            return new RegexPrefilter(classOf, classes, new int[classes], true);
        }
        Map<String, Integer> ids = new HashMap<>();
        List<int[]> states = new ArrayList<>();
        TextIndex.IntList depths = new TextIndex.IntList();
        ids.put(key(start), 0);
        states.add(start);
        depths.add(0);
        TextIndex.IntList table = new TextIndex.IntList();
        for (int id = 0; id < states.size(); id++) {
            int depth = depths.get(id);
            for (int k = 0; k < classes; k++) {
                int[] target = nfa.step(states.get(id), representative[k], anchored ? null : start);
                if (target.length == 0) {
                    table.add(DEAD);
                } else if (depth + 1 >= maxDepth || contains(target, approximation.accept)) {
                    table.add(ACCEPT);
                } else {
                    String key = key(target);
                    Integer known = ids.get(key);
                    if (known == null) {
                        if (states.size() >= (anchored ? MAX_ANCHORED_STATES : MAX_STATES)) {
                            return null;
                        }
                        known = states.size();
                        ids.put(key, known);
                        states.add(target);
                        depths.add(depth + 1);
                    }
                    table.add(known * classes);
                }
            }
        }
        return new RegexPrefilter(classOf, classes, table.toArray(), false);
    }

    /** Groups the symbols no consuming state tells apart; returns the number of groups. */
    private static int symbolClasses(RegexApproximation nfa, int[] classOf) {
        Map<String, Integer> bySignature = new HashMap<>();
        StringBuilder signature = new StringBuilder();
        for (int s = 0; s < RegexApproximation.SYMBOLS; s++) {
            signature.setLength(0);
            for (boolean[] set : nfa.consumes) {
                if (set != null) {
                    signature.append(set[s] ? '1' : '0');
                }
            }
            classOf[s] = bySignature.computeIfAbsent(signature.toString(), k -> bySignature.size());
        }
        return bySignature.size();
    }

    /** The subset construction's moves over one automaton, with buffers reused from call to call. */
    private static final class Subsets {
        private final boolean[][] consumes;
        private final int[][] next;
        private final int accept;
        private final int[] mark;
        private final int[] stack;
        private final int[] moved;
        private int epoch;

        Subsets(RegexApproximation nfa) {
            this.consumes = nfa.consumes.toArray(new boolean[0][]);
            this.next = nfa.next.toArray(new int[0][]);
            this.accept = nfa.accept;
            this.mark = new int[consumes.length];
            this.stack = new int[consumes.length];
            this.moved = new int[consumes.length];
        }

        /** The states reached from {@code states} by consuming {@code symbol}, closed, plus {@code restart} if given. */
        int[] step(int[] states, int symbol, int[] restart) {
            int n = 0;
            epoch++;
            for (int q : states) {
                boolean[] set = consumes[q];
                if (set != null && set[symbol]) {
                    for (int to : next[q]) {
                        if (mark[to] != epoch) {
                            mark[to] = epoch;
                            moved[n++] = to;
                        }
                    }
                }
            }
            if (restart != null) {
                for (int q : restart) {
                    if (mark[q] != epoch) {
                        mark[q] = epoch;
                        moved[n++] = q;
                    }
                }
            }
            return closure(moved, n);
        }

        /** The consuming states and the accepting state reachable from {@code from[0, n)} by epsilon moves, sorted. */
        int[] closure(int[] from, int n) {
            epoch++;
            int top = 0;
            for (int i = 0; i < n; i++) {
                if (mark[from[i]] != epoch) {
                    mark[from[i]] = epoch;
                    stack[top++] = from[i];
                }
            }
            TextIndex.IntList out = new TextIndex.IntList();
            while (top > 0) {
                int q = stack[--top];
                if (consumes[q] != null || q == accept) {
                    out.add(q);
                }
                if (consumes[q] == null) {
                    for (int to : next[q]) {
                        if (mark[to] != epoch) {
                            mark[to] = epoch;
                            stack[top++] = to;
                        }
                    }
                }
            }
            int[] sorted = out.toArray();
            Arrays.sort(sorted);
            return sorted;
        }
    }

    private static boolean contains(int[] sorted, int state) {
        return Arrays.binarySearch(sorted, state) >= 0;
    }

    private static String key(int[] states) {
        StringBuilder b = new StringBuilder(states.length);
        for (int q : states) {
            b.append((char) q);
        }
        return b.toString();
    }
}
