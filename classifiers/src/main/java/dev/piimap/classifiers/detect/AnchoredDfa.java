package dev.piimap.classifiers.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deterministic automaton that finds the match RE2J's {@code lookingAt()} finds, the match starting
 * at the first character with RE2J's (Perl's) preferences among alternatives and repetitions, at two
 * array reads per character. RE2J runs such a search on a Pike VM, stepping every live thread of its
 * program through every character: a user-agent string with its comment and a dozen alternatives
 * costs it 7-17 microseconds; this automaton well under one.
 *
 * <p>Built as RE2's own DFA is: a state is the <em>ordered</em> list of the exact automaton's
 * ({@link RegexApproximation#exact}) consuming states that are alive, in the order RE2J prefers their
 * threads, cut after the first that has matched (threads less preferred than a match are never taken
 * up again). The match found is the last position where a state holds a match: a later match can only
 * come from a thread preferred to the earlier one. Exact over ASCII text; at a character outside ASCII
 * that a live thread might consume, {@link #matchEnd} answers {@link #UNDECIDED} and the caller asks
 * RE2J. A leading {@code \b} is judged as RE2J judges it at the start of its input.
 *
 * <p>Only for regexes without groups that report a span of their own; built eagerly, bounded by
 * {@value #MAX_STATES} states (beyond that {@link #of} returns null), then immutable and thread-safe.
 */
final class AnchoredDfa {
    /** {@link #matchEnd}'s answer when no match starts at the first character. */
    static final int NO_MATCH = -1;
    /** {@link #matchEnd}'s answer when a character outside ASCII leaves it to RE2J. */
    static final int UNDECIDED = -2;
    static final int MAX_STATES = 2_000;
    /** Largest repetition count modelled (each counted copy costs states). */
    private static final int MAX_COUNT = 64;
    /** The end of a state's thread list: a match, cutting off every less preferred thread. */
    private static final int MATCH = -1;
    private static final int DEAD = -1;

    /** Per ASCII character, its class: characters no thread tells apart share one. */
    private final int[] classOf;
    private final int classes;
    /** Per state row (state times {@link #classes}) and class: the next state, or {@link #DEAD}. */
    private final int[] table;
    /** Per state: whether its threads have matched. */
    private final boolean[] matched;
    /** Per state: whether one of its threads may consume a character outside ASCII. */
    private final boolean[] outsideAscii;
    private final boolean leadingWordBoundary;

    private AnchoredDfa(int[] classOf, int classes, int[] table, boolean[] matched, boolean[] outsideAscii,
                        boolean leadingWordBoundary) {
        this.classOf = classOf;
        this.classes = classes;
        this.table = table;
        this.matched = matched;
        this.outsideAscii = outsideAscii;
        this.leadingWordBoundary = leadingWordBoundary;
    }

    /**
     * The automaton of {@code regex} (as written in a spec, without {@code ^}), or null when it cannot be
     * exact: an assertion other than a leading {@code \b}, a large count, unknown syntax, too many states.
     */
    static AnchoredDfa of(String regex) {
        RegexApproximation nfa;
        try {
            nfa = RegexApproximation.exact(regex, MAX_COUNT);
        } catch (IllegalArgumentException | com.google.re2j.PatternSyntaxException e) {
            return null;
        }
        return build(nfa);
    }

    private static AnchoredDfa build(RegexApproximation nfa) {
        int size = nfa.consumes.size();
        // Characters are told apart only by which consuming states take them.
        int[] classOf = new int[128];
        List<Character> representatives = new ArrayList<>();
        Map<String, Integer> bySignature = new HashMap<>();
        for (char c = 0; c < 128; c++) {
            StringBuilder signature = new StringBuilder(size);
            for (int s = 0; s < size; s++) {
                boolean[] set = nfa.consumes.get(s);
                signature.append(set != null && set[c] ? '1' : '0');
            }
            Integer known = bySignature.get(signature.toString());
            if (known == null) {
                known = representatives.size();
                bySignature.put(signature.toString(), known);
                representatives.add(c);
            }
            classOf[c] = known;
        }
        int classes = representatives.size();
        Map<List<Integer>, Integer> ids = new LinkedHashMap<>();
        List<int[]> lists = new ArrayList<>();
        int[] start = closure(nfa, new int[] {nfa.start});
        ids.put(key(start), 0);
        lists.add(start);
        int[] table = new int[16 * classes];
        for (int state = 0; state < lists.size(); state++) {
            int[] threads = lists.get(state);
            for (int k = 0; k < classes; k++) {
                int[] next = step(nfa, threads, representatives.get(k));
                int id;
                if (next.length == 0) {
                    id = DEAD;
                } else {
                    Integer known = ids.get(key(next));
                    if (known == null) {
                        if (lists.size() >= MAX_STATES) {
                            return null;
                        }
                        known = lists.size();
                        ids.put(key(next), known);
                        lists.add(next);
                    }
                    id = known;
                }
                if ((state + 1) * classes > table.length) {
                    table = Arrays.copyOf(table, table.length * 2);
                }
                table[state * classes + k] = id;
            }
        }
        boolean[] matched = new boolean[lists.size()];
        boolean[] outsideAscii = new boolean[lists.size()];
        for (int state = 0; state < lists.size(); state++) {
            for (int thread : lists.get(state)) {
                if (thread == MATCH) {
                    matched[state] = true;
                } else {
                    outsideAscii[state] |= nfa.consumes.get(thread)[RegexApproximation.OTHER];
                }
            }
        }
        return new AnchoredDfa(classOf, classes, Arrays.copyOf(table, lists.size() * classes), matched, outsideAscii,
                nfa.leadingWordBoundary);
    }

    private static List<Integer> key(int[] threads) {
        List<Integer> key = new ArrayList<>(threads.length);
        for (int t : threads) {
            key.add(t);
        }
        return key;
    }

    /** The threads after each of {@code threads} consumes {@code c}, in order of preference. */
    private static int[] step(RegexApproximation nfa, int[] threads, char c) {
        List<Integer> out = new ArrayList<>();
        boolean[] seen = new boolean[nfa.consumes.size()];
        for (int thread : threads) {
            if (thread == MATCH) {
                break;
            }
            if (nfa.consumes.get(thread)[c]) {
                for (int next : nfa.next.get(thread)) {
                    if (follow(nfa, next, seen, out)) {
                        return toArray(out);
                    }
                }
            }
        }
        return toArray(out);
    }

    /** The consuming states reachable from {@code from} by epsilon moves, in order of preference. */
    private static int[] closure(RegexApproximation nfa, int[] from) {
        List<Integer> out = new ArrayList<>();
        boolean[] seen = new boolean[nfa.consumes.size()];
        for (int s : from) {
            if (follow(nfa, s, seen, out)) {
                break;
            }
        }
        return toArray(out);
    }

    /**
     * Adds the consuming states reachable from {@code state} (a match as {@link #MATCH}) to {@code out}, depth
     * first in the order of the successors, each state once; true when a match was reached, after which
     * nothing less preferred may be added.
     */
    private static boolean follow(RegexApproximation nfa, int state, boolean[] seen, List<Integer> out) {
        // An explicit stack: a long chain of epsilon states (a counted repetition) must not overflow the call stack.
        int[] stack = new int[16];
        int depth = 0;
        stack[depth++] = state;
        while (depth > 0) {
            int s = stack[--depth];
            if (seen[s]) {
                continue;
            }
            seen[s] = true;
            if (s == nfa.accept) {
                out.add(MATCH);
                return true;
            }
            if (nfa.consumes.get(s) != null) {
                out.add(s);
                continue;
            }
            int[] next = nfa.next.get(s);
            if (depth + next.length > stack.length) {
                stack = Arrays.copyOf(stack, Math.max(stack.length * 2, depth + next.length));
            }
            for (int i = next.length - 1; i >= 0; i--) {
                stack[depth++] = next[i];
            }
        }
        return false;
    }

    private static int[] toArray(List<Integer> list) {
        int[] array = new int[list.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = list.get(i);
        }
        return array;
    }

    /**
     * The end of the match RE2J's {@code lookingAt()} finds in {@code text[from, to)} (it starts at
     * {@code from}); {@link #NO_MATCH} when there is none; {@link #UNDECIDED} when a character outside
     * ASCII decides, which only RE2J can tell.
     */
    int matchEnd(char[] text, int from, int to) {
        if (leadingWordBoundary && (from >= to || !BackAnchor.isWordChar(text[from]))) {
            return NO_MATCH;
        }
        int state = 0;
        int end = matched[0] ? from : NO_MATCH;
        for (int i = from; i < to; i++) {
            char c = text[i];
            if (c >= 128) {
                return outsideAscii[state] ? UNDECIDED : end;
            }
            state = table[state * classes + classOf[c]];
            if (state == DEAD) {
                return end;
            }
            if (matched[state]) {
                end = i + 1;
            }
        }
        return end;
    }
}
