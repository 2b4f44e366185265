package dev.piimap.classifiers.detect;

import com.google.re2j.Matcher;
import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.validators.Validator;
import dev.piimap.classifiers.validators.Validators;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The engine behind every declarative detector: runs a {@link DetectorSpec}'s RE2J patterns on the
 * regions its prefilter picks, then applies boundary, context, validator and deny-list rules in the
 * order the spec documents. Linear in the text length; immutable and thread-safe; never throws from
 * {@link #detect} (an unexpected internal error yields no findings rather than failing the caller).
 */
final class SpecDetector implements Detector {
    private static final int[] NONE = new int[0];
    /** Regions longer than this are searched by RE2J alone when the regex has a literal prefix. */
    private static final int LONG_REGION = 1024;
    /** From this many active patterns with {@code needs}, a region's characters are collected once for all of them. */
    private static final int MASKED_NEEDS = 4;

    private final DetectorSpec spec;
    private final CharRegions regions;
    private final List<CompiledPattern> patterns;
    private final List<Validator> validators;
    private final String validatorNames;
    private final ContextWords context;
    private final ContextWords denyContext;
    private final Set<String> denyList;
    /**
     * Whether to anchor the spec by its patterns' {@link StartPairs} when they all have some, and patterns
     * by their {@link NeedChains} (tests compare both ways).
     */
    private final boolean anchorByPairs;
    /** Whether to take short regions' matches from the {@link RegionMemo} when the spec has one (tests compare both ways). */
    private final boolean byRegionShape;
    /** Per pattern, its start pairs (see {@link StartPairs#of}); {@link #NO_PAIRS} when the spec has none; built on first use. */
    private volatile StartPairs[] startPairs;
    private static final StartPairs[] NO_PAIRS = new StartPairs[0];
    /** Per pattern, its need chains or null (see {@link NeedChains}); built on first use. */
    private volatile NeedChains[] needChains;
    /**
     * Texts shorter than this are matched pattern by pattern, without the {@link RegionMemo}: such a text (a
     * database value) has a region or two, often of a shape not met before, and the memo's key and entry
     * cost more than the patterns' own checks (the bench's 100,000 cell values took 7% longer with it).
     */
    private static final int REGION_MEMO_MIN_TEXT = 256;
    /** The {@link RegionMemo} of the patterns, or {@link #NO_REGION_MEMO}; null until first needed. */
    private volatile Object regionMemo;
    private static final Object NO_REGION_MEMO = new Object();

    SpecDetector(DetectorSpec spec) {
        this(spec, true);
    }

    SpecDetector(DetectorSpec spec, boolean anchorByPairs) {
        this(spec, anchorByPairs, true);
    }

    SpecDetector(DetectorSpec spec, boolean anchorByPairs, boolean byRegionShape) {
        this.spec = spec;
        this.anchorByPairs = anchorByPairs;
        this.byRegionShape = byRegionShape;
        this.regions = new CharRegions(spec.prefilter());
        List<CompiledPattern> compiled = new ArrayList<>();
        for (DetectorSpec.NamedPattern p : spec.patterns()) {
            compiled.add(CompiledPattern.of(p, spec.shrinkOnFail()));
        }
        this.patterns = List.copyOf(compiled);
        this.validators = spec.validators().stream().map(Validators::byName).toList();
        this.validatorNames = validators.isEmpty() ? null : String.join(",", spec.validators());
        this.context = new ContextWords(spec.context().words());
        this.denyContext = new ContextWords(spec.denyContext().words());
        this.denyList = spec.denyList().stream().map(SpecDetector::comparable).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String id() {
        return spec.id();
    }

    @Override
    public EntityType type() {
        return spec.type();
    }

    @Override
    public List<String> columnNameHints() {
        return spec.columnHints();
    }

    DetectorSpec spec() {
        return spec;
    }

    @Override
    public List<Finding> detect(CharSequence text) {
        return examine(text).findings();
    }

    @Override
    public Examination examine(CharSequence text) {
        if (text == null || text.length() == 0) {
            return Examination.empty();
        }
        return examine(TextIndex.of(text));
    }

    @Override
    public Examination examine(TextIndex index) {
        if (index.length() == 0) {
            return Examination.empty();
        }
        try {
            // Most short texts (database values) hold no region of most specs: ruled out from the index's counts.
            if (!regions.mayFind(index)) {
                return Examination.empty();
            }
            int count = patterns.size();
            boolean[] active = new boolean[count];
            boolean anyActive = false;
            boolean anchored = false;
            boolean onlyAnchors = true;
            StartPairs[] pairs = startPairs();
            boolean byPairs = pairs != NO_PAIRS;
            NeedChains[] needChains = needChains();
            boolean[] byNeedChains = new boolean[count];
            long regionCost = -1;
            for (int p = 0; p < count; p++) {
                CompiledPattern pattern = patterns.get(p);
                active[p] = pattern.mayOccur(index);
                if (active[p] && needChains[p] != null && !byPairs) {
                    regionCost = regionCost < 0 ? regions.anchorCost(index) : regionCost;
                    byNeedChains[p] = needChains[p].worthFinding(index, regionCost);
                }
                if (active[p]) {
                    anyActive = true;
                    anchored |= pattern.startWords() != null || byPairs || byNeedChains[p];
                    onlyAnchors &= pattern.startWords() != null || pattern.needs() != null || byPairs;
                }
            }
            if (!anyActive) {
                return Examination.empty();
            }
            int[][] wordHits = new int[count][];
            int[] anchors = NONE;
            for (int p = 0; p < count; p++) {
                CompiledPattern pattern = patterns.get(p);
                if (active[p] && pattern.startWords() != null) {
                    wordHits[p] = pattern.startWords().find(index);
                    active[p] = wordHits[p].length > 0;
                    anchors = union(anchors, wordHits[p]);
                } else if (active[p] && byPairs) {
                    // Its matches are still searched for in whole regions; the pairs only pick the regions.
                    int[] starts = pairs[p].find(index);
                    active[p] = starts.length > 0;
                    anchors = union(anchors, starts);
                } else if (active[p] && byNeedChains[p] && onlyAnchors) {
                    // A match holds a chain of its needed characters: a region without one has none. (When
                    // some pattern is searched for in every region anyway, looking for chains would only cost.)
                    int[] at = needChains[p].find(index);
                    active[p] = at.length > 0;
                    anchors = union(anchors, at);
                } else if (active[p] && anchored && onlyAnchors) {
                    anchors = union(anchors, index.positionsOf(pattern.spec().needs()));
                }
            }
            // A region can only yield a match of a starts-with pattern where one of its words starts, of a
            // pattern with start pairs where a word starts with one of them, of a pattern with need chains
            // where such a chain ends, and of a pattern with needs where one of those characters is. When
            // every pattern that may occur is one of these, the regions around those anchors are the only
            // ones worth finding.
            int[] bounds = !(anchored && onlyAnchors) ? regions.find(index)
                    : anchors.length == 0 ? NONE : regions.around(index, anchors);
            if (bounds.length == 0) {
                return Examination.empty();
            }
            Scan scan = new Scan(index);
            RegionMemo shapes = index.length() >= REGION_MEMO_MIN_TEXT ? regionMemo() : null;
            if (shapes != null) {
                matchRegionsByShape(scan, shapes, bounds, active);
                Map<EntityType, Integer> rejections = scan.rejected == 0 ? Map.of() : Map.of(spec.type(), scan.rejected);
                return new Examination(Overlaps.resolve(scan.found), rejections);
            }
            // With many patterns that need characters (one per country), one pass per region tells them all;
            // with a few, scanning for each pattern's characters, which stops at the first, costs less.
            long[] present = needingPatterns(active) >= MASKED_NEEDS ? presentAscii(index.chars(), bounds) : null;
            for (int p = 0; p < count; p++) {
                CompiledPattern pattern = patterns.get(p);
                if (!active[p] || (pattern.spec().columnContext() && !anyContextInText(scan))) {
                    continue;
                }
                int[] hits = wordHits[p];
                for (int r = 0; r < bounds.length; r += 2) {
                    boolean needsFound = present != null && !pattern.needsOutsideAscii()
                            ? pattern.needsFoundIn(present[r], present[r + 1])
                            : pattern.needsFoundIn(index.chars(), bounds[r], bounds[r + 1]);
                    if (needsFound) {
                        if (hits != null) {
                            matchAtWords(scan, hits, bounds[r], bounds[r + 1], pattern);
                        } else {
                            matchRegion(scan, bounds[r], bounds[r + 1], pattern);
                        }
                    }
                }
            }
            Map<EntityType, Integer> rejections = scan.rejected == 0 ? Map.of() : Map.of(spec.type(), scan.rejected);
            return new Examination(Overlaps.resolve(scan.found), rejections);
        } catch (RuntimeException | StackOverflowError e) {
            return Examination.empty();
        }
    }

    /** The memo of region shapes, built on first use; {@link #NO_REGION_MEMO} when the spec cannot have one. */
    private RegionMemo regionMemo() {
        Object known = regionMemo;
        if (known == null) {
            RegionMemo built = byRegionShape ? RegionMemo.of(patterns) : null;
            known = built == null ? NO_REGION_MEMO : built;
            regionMemo = known;
        }
        return known == NO_REGION_MEMO ? null : (RegionMemo) known;
    }

    /**
     * Runs the active patterns over each region, region by region, taking what they find in a short region
     * from the memo of region shapes (see {@link RegionMemo}); regions it does not keep are matched by
     * each pattern as {@link #matchRegion} does. Findings are the same as pattern by pattern: within a
     * region the patterns still come in order, and regions do not overlap.
     */
    private void matchRegionsByShape(Scan scan, RegionMemo shapes, int[] bounds, boolean[] active) {
        int count = patterns.size();
        for (int r = 0; r < bounds.length; r += 2) {
            int start = bounds[r];
            int end = bounds[r + 1];
            int windowStart = Math.max(0, start - 1);
            int windowEnd = Math.min(scan.chars.length, end + 1);
            int[][] known = shapes.matches(scan.text, scan.chars, windowStart, windowEnd, start, end);
            for (int p = 0; p < count; p++) {
                CompiledPattern pattern = patterns.get(p);
                if (!active[p] || (known != null && known[p].length == 0)
                        || (pattern.spec().columnContext() && !anyContextInText(scan))) {
                    continue;
                }
                if (known == null) {
                    if (pattern.needsFoundIn(scan.chars, start, end)) {
                        matchRegion(scan, start, end, pattern);
                    }
                    continue;
                }
                int[] matches = known[p];
                for (int k = 0; k < matches.length; k += 4) {
                    accept(scan, windowStart, start, end, matches[k], matches[k + 1], matches[k + 2], matches[k + 3], pattern, true);
                }
            }
        }
    }

    /** The patterns' start pairs, found on first use; {@link #NO_PAIRS} when the spec is not anchored by them. */
    private StartPairs[] startPairs() {
        StartPairs[] known = startPairs;
        if (known == null) {
            StartPairs[] found = anchorByPairs ? StartPairs.of(patterns) : null;
            known = found == null ? NO_PAIRS : found;
            startPairs = known;
        }
        return known;
    }

    /**
     * Per pattern, its need chains (see {@link NeedChains}) or null, found on first use; all null when the
     * detector is not anchored by pairs.
     */
    private NeedChains[] needChains() {
        NeedChains[] known = needChains;
        if (known == null) {
            known = new NeedChains[patterns.size()];
            for (int p = 0; anchorByPairs && p < known.length; p++) {
                known[p] = NeedChains.of(patterns.get(p));
            }
            needChains = known;
        }
        return known;
    }

    /** How many of the active patterns need one of some characters. */
    private int needingPatterns(boolean[] active) {
        int n = 0;
        for (int p = 0; p < active.length; p++) {
            n += active[p] && patterns.get(p).needs() != null ? 1 : 0;
        }
        return n;
    }

    /**
     * Per region, the ASCII characters it holds as two bit sets ({@code [low0, high0, low1, high1, ...]}:
     * characters 0-63, then 64-127), aligned with {@code bounds}.
     */
    static long[] presentAscii(char[] text, int[] bounds) {
        long[] present = new long[bounds.length];
        for (int r = 0; r < bounds.length; r += 2) {
            long low = 0;
            long high = 0;
            for (int i = bounds[r]; i < bounds[r + 1]; i++) {
                char c = text[i];
                if (c < 64) {
                    low |= 1L << c;
                } else if (c < 128) {
                    high |= 1L << c;
                }
            }
            present[r] = low;
            present[r + 1] = high;
        }
        return present;
    }

    /** What one examination has found so far, and what it learnt about the text. */
    private static final class Scan {
        final TextIndex index;
        final char[] chars;
        final CharSequence text;
        final List<Finding> found = new ArrayList<>();
        int rejected;
        /** Whether a context word occurs anywhere in the text; computed when first needed. */
        Boolean anyContext;
        /** Column headers of delimited text, looked up when a match has no context word near it. */
        final DelimitedHeaders headers;

        Scan(TextIndex index) {
            this.index = index;
            this.headers = index.headers();
            this.chars = index.chars();
            this.text = index.text();
        }
    }

    private static int[] union(int[] a, int[] b) {
        if (a.length == 0) {
            return b;
        }
        int[] merged = new int[a.length + b.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            int next = j == b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
            if (i < a.length && a[i] == next) {
                i++;
            }
            if (j < b.length && b[j] == next) {
                j++;
            }
            merged[n++] = next;
        }
        return java.util.Arrays.copyOf(merged, n);
    }

    /**
     * Runs one pattern over one region. The pattern sees one extra character on each side so that
     * {@code \b} is judged against the real neighbours; matches reaching into them are ignored. With a
     * value group, the finding is the group and the rest of the match (a label) only has to be there.
     */
    private void matchRegion(Scan scan, int start, int end, CompiledPattern pattern) {
        boolean longWithPrefix = end - start > LONG_REGION && pattern.literalPrefix();
        if (!longWithPrefix && !pattern.prefilter().mayMatch(scan.chars, start, end)) {
            return;
        }
        int windowStart = Math.max(0, start - 1);
        int windowEnd = Math.min(scan.chars.length, end + 1);
        // A long window is not memoised; a back anchor spares RE2J stepping through all of it.
        int[] matches = pattern.backAnchor() != null && windowEnd - windowStart > ShapeMemo.MAX_WINDOW
                ? pattern.backAnchor().matches(scan.text, scan.chars, windowStart, windowEnd, pattern.hasValue())
                : pattern.memo().matches(scan.text, scan.chars, windowStart, windowEnd);
        for (int k = 0; k < matches.length; k += 4) {
            accept(scan, windowStart, start, end, matches[k], matches[k + 1], matches[k + 2], matches[k + 3], pattern, true);
        }
    }

    /**
     * Runs a {@code starts-with} pattern over one region: anchored at each of the {@code starts} (the
     * word starts where one of its words begins) in the region, and nowhere else. The pattern sees the
     * region from the word on, plus one character after it. Like {@code find()}, the search goes on
     * after the end of a match, so words inside it are not tried again: {@code password=password=...}
     * costs one pass, not one per word. A pattern's {@link AnchoredDfa} answers for RE2J where it can.
     */
    private void matchAtWords(Scan scan, int[] starts, int start, int end, CompiledPattern pattern) {
        int windowEnd = Math.min(scan.chars.length, end + 1);
        int k = java.util.Arrays.binarySearch(starts, start);
        k = k >= 0 ? k : -k - 1;
        int next = start;
        for (; k < starts.length && starts[k] < end; k++) {
            int at = starts[k];
            if (at < next) {
                continue;
            }
            next = at + 1;
            if (!pattern.prefilter().mayMatch(scan.chars, at, end)) {
                continue;
            }
            AnchoredDfa dfa = pattern.anchoredDfa() == null ? null : pattern.anchoredDfa().get();
            int matchEnd = dfa == null ? AnchoredDfa.UNDECIDED : dfa.matchEnd(scan.chars, at, windowEnd);
            if (matchEnd != AnchoredDfa.UNDECIDED) {
                if (matchEnd >= 0) {
                    accept(scan, at, at, end, 0, matchEnd - at, -1, -1, pattern, false);
                    next = Math.max(next, matchEnd);
                }
                continue;
            }
            Matcher m = pattern.regex().matcher(new TextView(scan.text, at, windowEnd));
            if (m.lookingAt()) {
                int valueStart = pattern.hasValue() ? m.start(DetectorSpec.NamedPattern.VALUE_GROUP) : -1;
                int valueEnd = pattern.hasValue() ? m.end(DetectorSpec.NamedPattern.VALUE_GROUP) : -1;
                accept(scan, at, at, end, m.start(), m.end(), valueStart, valueEnd, pattern, false);
                next = Math.max(next, at + m.end());
            }
        }
    }

    /**
     * A match {@code [matchStart, matchEnd)} (its value group {@code [groupStart, groupEnd)}), relative to
     * {@code offset}: checks it lies inside the region and judges its span.
     */
    private void accept(Scan scan, int offset, int start, int end, int matchStart, int matchEnd, int groupStart, int groupEnd,
                        CompiledPattern pattern, boolean checkBefore) {
        int s = offset + matchStart;
        int e = offset + matchEnd;
        if (s < start || e > end || e <= s) {
            return;
        }
        int valueStart = s;
        int valueEnd = e;
        if (pattern.hasValue()) {
            if (groupStart < 0 || groupEnd <= groupStart) {
                return;
            }
            valueStart = offset + groupStart;
            valueEnd = offset + groupEnd;
        }
        Finding f = judge(scan, s, e, valueStart, valueEnd, pattern.spec(), checkBefore);
        if (f != null) {
            scan.found.add(f);
        }
    }

    /**
     * Applies the spec's rules to one match {@code [start, end)} whose reported part is
     * {@code [valueStart, valueEnd)} (the whole match unless the pattern has a value group); null when
     * it is not reported. {@code checkBefore} is false for {@code starts-with} patterns, whose word
     * rule already judged what precedes the match. A {@code requires-context} match needs a context
     * word near it and one anywhere in the text (both are checked before its validators run, so that
     * it is not counted as rejected); other matches look for context words only once they are valid.
     */
    private Finding judge(Scan scan, int start, int end, int valueStart, int valueEnd,
                          DetectorSpec.NamedPattern pattern, boolean checkBefore) {
        if (!isStandalone(scan.chars, start, end, checkBefore)) {
            return null;
        }
        if (!denyContext.isEmpty()
                && !denyContext.hits(scan.index, start - spec.denyContext().window(), start).isEmpty()) {
            return null;
        }
        int window = spec.context().window();
        List<String> hits = null;
        if (pattern.requiresContext()) {
            hits = pattern.columnContext() ? context.columnHits(scan.index, start, end, scan.headers, true)
                    : context.hitsNear(scan.index, start, end, window, scan.headers);
            if (hits.isEmpty() || !anyContextInText(scan)) {
                return null;
            }
        }
        int validEnd = validEnd(scan, valueStart, valueEnd);
        if (validEnd < 0 || (!denyList.isEmpty() && denyList.contains(comparable(scan.text.subSequence(valueStart, validEnd))))) {
            scan.rejected++;
            return null;
        }
        if (hits == null) {
            hits = context.hitsNear(scan.index, start, end, window, scan.headers);
        }
        double before = pattern.score();
        double after = hits.isEmpty() ? before : Math.min(1.0, before + spec.context().boost());
        Evidence evidence = new Evidence(pattern.name(), validatorNames, hits, before, after);
        return new Finding(spec.type(), valueStart, validEnd, after, spec.id(), evidence);
    }

    private boolean anyContextInText(Scan scan) {
        if (scan.anyContext == null) {
            scan.anyContext = context.anyIn(scan.index);
        }
        return scan.anyContext;
    }

    /**
     * The end of the longest candidate all validators accept: the match itself, or the match with up
     * to {@code shrink-on-fail} trailing groups dropped (an IBAN followed by an upper-case word). -1
     * when none is accepted.
     */
    private int validEnd(Scan scan, int start, int end) {
        int candidateEnd = end;
        for (int attempt = 0; attempt <= spec.shrinkOnFail(); attempt++) {
            if (attempt > 0) {
                candidateEnd = withoutLastGroup(scan.chars, start, candidateEnd);
                if (candidateEnd < 0 || !isStandalone(scan.chars, start, candidateEnd, true)) {
                    return -1;
                }
            }
            if (passesValidators(scan.text.subSequence(start, candidateEnd))) {
                return candidateEnd;
            }
        }
        return -1;
    }

    private boolean passesValidators(CharSequence candidate) {
        for (Validator v : validators) {
            if (!v.isValid(candidate)) {
                return false;
            }
        }
        return true;
    }

    /** The end after dropping the last run of letters/digits and the separators before it; -1 if nothing is left. */
    private static int withoutLastGroup(char[] text, int start, int end) {
        int i = end;
        while (i > start && Character.isLetterOrDigit(text[i - 1])) {
            i--;
        }
        int groupStart = i;
        while (i > start && !Character.isLetterOrDigit(text[i - 1])) {
            i--;
        }
        return i > start && groupStart > start ? i : -1;
    }

    /**
     * Whether the neighbours of {@code [start, end)} show it is a whole token, per the spec's boundary;
     * the character before is judged only when {@code checkBefore}.
     */
    private boolean isStandalone(char[] text, int start, int end, boolean checkBefore) {
        DetectorSpec.Boundary b = spec.boundary();
        if (checkBefore && start > 0) {
            char before = text[start - 1];
            if (isWordChar(before) || b.forbidBefore().indexOf(before) >= 0
                    || (b.glueBefore().indexOf(before) >= 0 && start > 1 && Character.isLetterOrDigit(text[start - 2]))) {
                return false;
            }
        }
        if (end < text.length) {
            char after = text[end];
            if (isWordChar(after) || b.forbidAfter().indexOf(after) >= 0
                    || (b.glueAfter().indexOf(after) >= 0 && end + 1 < text.length
                    && Character.isLetterOrDigit(text[end + 1]))) {
                return false;
            }
        }
        return !b.codeGroups() || !CodeGroups.continuesRun(text, start, end);
    }

    private static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    /** Letters and digits only, lower-cased: how deny-list entries and candidates are compared. */
    private static String comparable(CharSequence value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "SpecDetector[" + spec.id() + "]";
    }
}
