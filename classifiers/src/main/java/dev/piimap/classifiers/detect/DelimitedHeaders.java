package dev.piimap.classifiers.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the column header of a value in delimited text (CSV, TSV, {@code ;}- or {@code |}-separated
 * rows, Markdown tables), so that a header such as {@code date_of_birth} or {@code mobile} serves as
 * the context of every value in its column, however far below it the value is.
 *
 * <p>A line's delimiter is the one of tab, {@code ;}, {@code |} and {@code ,} it holds most often
 * outside double quotes (ties in that order). A table is a run of non-blank lines holding that
 * delimiter equally often (at least once); its first line is the header when every cell of it reads
 * like a column name: at most {@value #MAX_HEADER_CELL} characters and {@value #MAX_HEADER_WORDS}
 * words of letters, digits and {@code _-./()#'"}, with a letter and without a run of 3 digits. A
 * value's column is the number of delimiters before it on its line. Prose lines that happen to hold a
 * comma each form no table unless the first reads like a header, and values on the header line itself
 * have no header.
 *
 * <p>Lazy and linear: nothing is computed until a value asks; each line is scanned a bounded number
 * of times (lines longer than {@value #MAX_LINE} characters are not table rows), and the run of rows
 * above a value is walked once per table, remembered by line. Not thread-safe: one instance per
 * text, shared by the detectors examining it ({@link TextIndex#headers}).
 */
final class DelimitedHeaders {
    /** Lines longer than this are not looked at as table rows. */
    static final int MAX_LINE = 4096;
    static final int MAX_HEADER_CELL = 48;
    static final int MAX_HEADER_WORDS = 5;
    private static final String DELIMITERS = "\t;|,";

    /**
     * The cell holding a value and its column's header cell, each as {@code [start, end)} in the text
     * with surrounding spaces and quotes left out.
     */
    record Column(int cellStart, int cellEnd, int headerStart, int headerEnd) {
    }

    private final TextIndex index;
    private final char[] text;
    /**
     * Per line start and delimiter (start * 4 + delimiter index): the start of its table's first line,
     * and for such first lines whether they read like a header. Made when first needed.
     */
    private Map<Long, Integer> tableStart;
    private Map<Long, Boolean> isHeader;
    /** The positions of the line breaks, ascending; found when first needed. */
    private int[] lineBreaks;
    /** What was learnt about each line looked up, by its start: detectors ask about the same lines in turn. */
    private final Map<Integer, Line> lines = new HashMap<>();
    /** The line last looked up; null before the first. */
    private Line line;

    /**
     * A line {@code [lineStart, nextLine)} (its text ends at {@code lineEnd}, before {@code \r\n} or
     * {@code \n}); when it is a data row under a header, its delimiters and those of its header line
     * {@code [headerStart, headerEnd)}, else null delimiters.
     */
    private record Line(int lineStart, int lineEnd, int nextLine, int[] delimiters, int headerStart, int headerEnd,
                        int[] headerDelimiters) {
    }

    DelimitedHeaders(TextIndex index) {
        this.index = index;
        this.text = index.chars();
    }

    /** The column of the value starting at {@code at}, or null when it is not in a data row under a header. */
    Column columnAt(int at) {
        if (at < 0 || at >= text.length) {
            return null;
        }
        Line known = line;
        if (known == null || at < known.lineStart() || at >= known.nextLine()) {
            known = lineAt(at);
            line = known;
        }
        int[] delimiters = known.delimiters();
        if (delimiters == null) {
            return null;
        }
        int[] headerDelimiters = known.headerDelimiters();
        int found = Arrays.binarySearch(delimiters, at);
        int column = found >= 0 ? found : -found - 1;
        int[] cell = trimmed(column == 0 ? known.lineStart() : delimiters[column - 1] + 1,
                column == delimiters.length ? known.lineEnd() : delimiters[column]);
        int[] header = trimmed(column == 0 ? known.headerStart() : headerDelimiters[column - 1] + 1,
                column == headerDelimiters.length ? known.headerEnd() : headerDelimiters[column]);
        return header[1] <= header[0] ? null : new Column(cell[0], cell[1], header[0], header[1]);
    }

    /**
     * The line holding {@code at}, analysed once: its bounds from the line breaks (a binary search, not a
     * walk along a long line of prose), and when it is a data row under a header, the delimiters of both.
     */
    private Line lineAt(int at) {
        if (lineBreaks == null) {
            lineBreaks = index.positionsOf("\n");
        }
        int found = Arrays.binarySearch(lineBreaks, at);
        int after = found >= 0 ? found : -found - 1;
        int start = after == 0 ? 0 : lineBreaks[after - 1] + 1;
        Line known = lines.get(start);
        if (known == null) {
            int next = after == lineBreaks.length ? text.length : lineBreaks[after];
            known = analyse(start, next);
            lines.put(start, known);
        }
        return known;
    }

    /** The line {@code [start, next)}, {@code next} being its line break or the end of the text. */
    private Line analyse(int start, int next) {
        int lineEnd = next > start && text[next - 1] == '\r' ? next - 1 : next;
        Line noRow = new Line(start, lineEnd, next + 1, null, -1, -1, null);
        if (start == 0 || lineEnd - start > MAX_LINE) {
            return noRow;
        }
        int[] counts = counts(start, lineEnd);
        int d = dominant(counts);
        if (d < 0) {
            return noRow;
        }
        int first = tableStart(start, d, counts[d]);
        if (first == start || !readsLikeHeader(first, d)) {
            return noRow;
        }
        char delimiter = DELIMITERS.charAt(d);
        int headerEnd = endOfLine(first);
        return new Line(start, lineEnd, next + 1, positions(start, lineEnd, delimiter, counts[d]), first, headerEnd,
                positions(first, headerEnd, delimiter, counts[d]));
    }

    /** The end of the line starting at {@code start}, before {@code \r\n} or {@code \n}. */
    private int endOfLine(int start) {
        int i = start;
        while (i < text.length && text[i] != '\n') {
            i++;
        }
        return i > start && text[i - 1] == '\r' ? i - 1 : i;
    }

    /** The start of the line ending just before the line break at {@code lineBreak}; -1 when it is longer than {@link #MAX_LINE}. */
    private int startOfLineBefore(int lineBreak) {
        int i = lineBreak;
        while (i > 0 && text[i - 1] != '\n') {
            if (lineBreak - i > MAX_LINE) {
                return -1;
            }
            i--;
        }
        return i;
    }

    /** The positions of the {@code count} delimiters outside double quotes in {@code [from, to)}. */
    private int[] positions(int from, int to, char delimiter, int count) {
        int[] out = new int[count];
        int n = 0;
        boolean quoted = false;
        for (int i = from; i < to && n < count; i++) {
            char c = text[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                out[n++] = i;
            }
        }
        return out;
    }

    /** {@code [from, to)} without surrounding spaces and quotes. */
    private int[] trimmed(int from, int to) {
        while (from < to && (text[from] == ' ' || text[from] == '"' || text[from] == '\'')) {
            from++;
        }
        while (to > from && (text[to - 1] == ' ' || text[to - 1] == '"' || text[to - 1] == '\'')) {
            to--;
        }
        return new int[] {from, to};
    }

    /**
     * How often each delimiter occurs outside double quotes in {@code [from, to)}. Most characters are
     * neither a delimiter nor a quote: one table read and a branch that is rarely taken pass them.
     */
    private int[] counts(int from, int to) {
        int[] counts = new int[DELIMITERS.length()];
        boolean quoted = false;
        for (int i = from; i < to; i++) {
            char c = text[i];
            int role = c < 128 ? ROLE[c] : OTHER;
            if (role != OTHER) {
                if (role == QUOTE) {
                    quoted = !quoted;
                } else if (!quoted) {
                    counts[role]++;
                }
            }
        }
        return counts;
    }

    /** {@link #ROLE} of a character that is neither a delimiter nor the double quote, and of the quote. */
    private static final byte OTHER = -1;
    private static final byte QUOTE = -2;
    /** Per ASCII character: its index in {@link #DELIMITERS}, {@link #QUOTE} or {@link #OTHER}. */
    private static final byte[] ROLE = new byte[128];

    static {
        java.util.Arrays.fill(ROLE, OTHER);
        ROLE['"'] = QUOTE;
        for (int d = 0; d < DELIMITERS.length(); d++) {
            ROLE[DELIMITERS.charAt(d)] = (byte) d;
        }
    }

    private static int dominant(int[] counts) {
        int best = -1;
        for (int d = 0; d < counts.length; d++) {
            if (counts[d] > 0 && (best < 0 || counts[d] > counts[best])) {
                best = d;
            }
        }
        return best;
    }

    /**
     * The start of the first line of the table (lines holding delimiter {@code d} {@code count} times)
     * that the line at {@code start} belongs to. Every line walked is remembered, so the walk from a
     * row below stops where the walk from an earlier row ended.
     */
    private int tableStart(int start, int d, int count) {
        if (tableStart == null) {
            tableStart = new HashMap<>();
            isHeader = new HashMap<>();
        }
        int first = start;
        List<Integer> walked = new ArrayList<>();
        while (true) {
            Integer known = tableStart.get(key(first, d));
            if (known != null) {
                first = known;
                break;
            }
            walked.add(first);
            if (first == 0) {
                break;
            }
            int previousEnd = first - 1;
            if (previousEnd > 0 && text[previousEnd - 1] == '\r') {
                previousEnd--;
            }
            int previousStart = startOfLineBefore(first - 1);
            if (previousStart < 0 || previousEnd <= previousStart || isBlank(previousStart, previousEnd)
                    || counts(previousStart, previousEnd)[d] != count) {
                break;
            }
            first = previousStart;
        }
        for (int line : walked) {
            tableStart.put(key(line, d), first);
        }
        return first;
    }

    private boolean isBlank(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text[i])) {
                return false;
            }
        }
        return true;
    }

    /** Whether every cell of the line at {@code start}, split at delimiter {@code d}, reads like a column name. */
    private boolean readsLikeHeader(int start, int d) {
        return isHeader.computeIfAbsent(key(start, d), k -> {
            int end = endOfLine(start);
            if (end - start > MAX_LINE) {
                return false;
            }
            int[] cuts = positions(start, end, DELIMITERS.charAt(d), counts(start, end)[d]);
            boolean anyName = false;
            for (int column = 0; column <= cuts.length; column++) {
                int[] cell = trimmed(column == 0 ? start : cuts[column - 1] + 1, column == cuts.length ? end : cuts[column]);
                if (cell[1] > cell[0]) {
                    if (!isColumnName(cell[0], cell[1])) {
                        return false;
                    }
                    anyName = true;
                }
            }
            return anyName;
        });
    }

    private boolean isColumnName(int from, int to) {
        if (to - from > MAX_HEADER_CELL) {
            return false;
        }
        boolean letter = false;
        int words = 1;
        int digitRun = 0;
        for (int i = from; i < to; i++) {
            char c = text[i];
            if (Character.isLetter(c)) {
                letter = true;
                digitRun = 0;
            } else if (c >= '0' && c <= '9') {
                if (++digitRun >= 3) {
                    return false;
                }
            } else if (c == ' ') {
                words++;
                digitRun = 0;
            } else if ("_-./()#'\"".indexOf(c) >= 0) {
                digitRun = 0;
            } else {
                return false;
            }
        }
        return letter && words <= MAX_HEADER_WORDS;
    }

    private static long key(int lineStart, int d) {
        return (long) lineStart * DELIMITERS.length() + d;
    }
}
