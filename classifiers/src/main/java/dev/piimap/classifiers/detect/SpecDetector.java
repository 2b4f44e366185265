package dev.piimap.classifiers.detect;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.validators.Validator;
import dev.piimap.classifiers.validators.Validators;

import java.util.ArrayList;
import java.util.BitSet;
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
    /** @param hasValue whether the regex holds the group {@value DetectorSpec.NamedPattern#VALUE_GROUP}, the reported span */
    private record CompiledPattern(DetectorSpec.NamedPattern spec, Pattern regex, boolean hasValue) {
    }

    private final DetectorSpec spec;
    private final CharRegions regions;
    private final List<CompiledPattern> patterns;
    private final List<Validator> validators;
    private final String validatorNames;
    private final ContextWords context;
    private final ContextWords denyContext;
    private final Set<String> denyList;

    SpecDetector(DetectorSpec spec) {
        this.spec = spec;
        this.regions = new CharRegions(spec.prefilter());
        List<CompiledPattern> compiled = new ArrayList<>();
        for (DetectorSpec.NamedPattern p : spec.patterns()) {
            Pattern regex;
            try {
                // A starts-with pattern is matched with lookingAt(); RE2J stops an anchored search as soon as
                // no thread is left only when the regex itself starts with ^, else it steps to the end of
                // the text: without it every attempt would cost the rest of the text.
                regex = Pattern.compile(p.startsWith().isEmpty() ? p.regex() : "^(?:" + p.regex() + ")");
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("pattern '" + p.name() + "' does not compile (" + e.getDescription()
                        + "): fix the regex; RE2 syntax has no lookaround and no backreferences", e);
            }
            Set<String> groups = regex.namedGroups().keySet();
            for (String group : groups) {
                if (!group.equals(DetectorSpec.NamedPattern.VALUE_GROUP)) {
                    throw new IllegalArgumentException("pattern '" + p.name() + "' names the group '" + group
                            + "': the only named group is '" + DetectorSpec.NamedPattern.VALUE_GROUP
                            + "' (the reported span); make the others non-capturing, (?:...)");
                }
            }
            boolean hasValue = !groups.isEmpty();
            if (hasValue && spec.shrinkOnFail() > 0) {
                throw new IllegalArgumentException("pattern '" + p.name() + "' has a '" + DetectorSpec.NamedPattern.VALUE_GROUP
                        + "' group and 'shrink-on-fail' is " + spec.shrinkOnFail()
                        + ": a value group cannot shrink; remove shrink-on-fail or the group");
            }
            compiled.add(new CompiledPattern(p, regex, hasValue));
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
        try {
            int[] bounds = regions.find(text);
            if (bounds.length == 0) {
                return Examination.empty();
            }
            List<Finding> found = new ArrayList<>();
            int[] rejected = new int[1];
            Boolean anyContextInText = null;
            String lowerCase = null;
            for (CompiledPattern pattern : patterns) {
                if (pattern.spec().requiresContext()) {
                    if (anyContextInText == null) {
                        anyContextInText = !context.hits(text, 0, text.length()).isEmpty();
                    }
                    if (!anyContextInText) {
                        continue;
                    }
                }
                String needs = pattern.spec().needs();
                BitSet wordStarts = null;
                if (!pattern.spec().startsWith().isEmpty()) {
                    if (lowerCase == null) {
                        lowerCase = lowerCase(text);
                    }
                    wordStarts = wordStarts(text, lowerCase, pattern.spec().startsWith());
                    if (wordStarts.isEmpty()) {
                        continue;
                    }
                }
                for (int r = 0; r < bounds.length; r += 2) {
                    if (needs.isEmpty() || containsAny(text, bounds[r], bounds[r + 1], needs)) {
                        if (wordStarts != null) {
                            matchAtWords(text, wordStarts, bounds[r], bounds[r + 1], pattern, found, rejected);
                        } else {
                            matchRegion(text, bounds[r], bounds[r + 1], pattern, found, rejected);
                        }
                    }
                }
            }
            Map<EntityType, Integer> rejections = rejected[0] == 0 ? Map.of() : Map.of(spec.type(), rejected[0]);
            return new Examination(Overlaps.resolve(found), rejections);
        } catch (RuntimeException | StackOverflowError e) {
            return Examination.empty();
        }
    }

    /** The text lower-cased with offsets kept (character by character when a letter's lower case is longer). */
    private static String lowerCase(CharSequence text) {
        String whole = text.toString().toLowerCase(Locale.ROOT);
        if (whole.length() == text.length()) {
            return whole;
        }
        char[] lower = new char[text.length()];
        for (int i = 0; i < lower.length; i++) {
            lower[i] = Character.toLowerCase(text.charAt(i));
        }
        return new String(lower);
    }

    private static boolean containsAny(CharSequence text, int start, int end, String chars) {
        for (int i = start; i < end; i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs one pattern over one region. The pattern sees one extra character on each side so that
     * {@code \b} is judged against the real neighbours; matches reaching into them are ignored. With a
     * value group, the finding is the group and the rest of the match (a label) only has to be there.
     */
    private void matchRegion(CharSequence text, int start, int end, CompiledPattern pattern,
                             List<Finding> found, int[] rejected) {
        int windowStart = Math.max(0, start - 1);
        int windowEnd = Math.min(text.length(), end + 1);
        Matcher m = pattern.regex().matcher(text.subSequence(windowStart, windowEnd));
        while (m.find()) {
            accept(text, windowStart, start, end, m, pattern, found, rejected, true);
        }
    }

    /**
     * Runs a {@code starts-with} pattern over one region: anchored at each start of one of its words
     * (see {@link #startsWord}), and nowhere else. The pattern sees the region from the word on,
     * plus one character after it. Like {@code find()}, the search goes on after the end of a match, so
     * words inside it are not tried again: {@code password=password=...} costs one pass, not one per word.
     */
    private void matchAtWords(CharSequence text, BitSet starts, int start, int end, CompiledPattern pattern,
                              List<Finding> found, int[] rejected) {
        int windowEnd = Math.min(text.length(), end + 1);
        int at = starts.nextSetBit(start);
        while (at >= 0 && at < end) {
            Matcher m = pattern.regex().matcher(new TextView(text, at, windowEnd));
            int next = at + 1;
            if (m.lookingAt()) {
                accept(text, at, at, end, m, pattern, found, rejected, false);
                next = Math.max(next, at + m.end());
            }
            at = starts.nextSetBit(next);
        }
    }

    /** Where one of {@code words} starts in the text (one pass of indexOf per word over the whole text). */
    private static BitSet wordStarts(CharSequence text, String lowerCase, List<String> words) {
        BitSet starts = new BitSet();
        for (String word : words) {
            for (int at = lowerCase.indexOf(word); at >= 0; at = lowerCase.indexOf(word, at + 1)) {
                if (startsWord(text, at)) {
                    starts.set(at);
                }
            }
        }
        return starts;
    }

    /**
     * Whether a word can start at {@code at}: no letter or digit precedes it, or it starts a camel-case
     * hump (an upper-case letter after a lower-case one: the {@code Password} of {@code userPassword}).
     */
    private static boolean startsWord(CharSequence text, int at) {
        if (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) {
            return true;
        }
        return Character.isUpperCase(text.charAt(at)) && Character.isLowerCase(text.charAt(at - 1));
    }

    /** A match at {@code offset + m.start()}: checks it lies inside the region and judges its span. */
    private void accept(CharSequence text, int offset, int start, int end, Matcher m, CompiledPattern pattern,
                        List<Finding> found, int[] rejected, boolean checkBefore) {
        int s = offset + m.start();
        int e = offset + m.end();
        if (s < start || e > end || e <= s) {
            return;
        }
        int valueStart = s;
        int valueEnd = e;
        if (pattern.hasValue()) {
            int groupStart = m.start(DetectorSpec.NamedPattern.VALUE_GROUP);
            int groupEnd = m.end(DetectorSpec.NamedPattern.VALUE_GROUP);
            if (groupStart < 0 || groupEnd <= groupStart) {
                return;
            }
            valueStart = offset + groupStart;
            valueEnd = offset + groupEnd;
        }
        Finding f = judge(text, s, e, valueStart, valueEnd, pattern.spec(), rejected, checkBefore);
        if (f != null) {
            found.add(f);
        }
    }

    /**
     * Applies the spec's rules to one match {@code [start, end)} whose reported part is
     * {@code [valueStart, valueEnd)} (the whole match unless the pattern has a value group); null when
     * it is not reported. {@code checkBefore} is false for {@code starts-with} patterns, whose word
     * rule already judged what precedes the match.
     */
    private Finding judge(CharSequence text, int start, int end, int valueStart, int valueEnd,
                          DetectorSpec.NamedPattern pattern, int[] rejected, boolean checkBefore) {
        if (!isStandalone(text, start, end, checkBefore)) {
            return null;
        }
        if (!denyContext.isEmpty()
                && !denyContext.hits(text, start - spec.denyContext().window(), start).isEmpty()) {
            return null;
        }
        int window = spec.context().window();
        List<String> hits = context.hits(text, start - window, end + window);
        if (pattern.requiresContext() && hits.isEmpty()) {
            return null;
        }
        int validEnd = validEnd(text, valueStart, valueEnd);
        if (validEnd < 0 || denyList.contains(comparable(text.subSequence(valueStart, validEnd)))) {
            rejected[0]++;
            return null;
        }
        double before = pattern.score();
        double after = hits.isEmpty() ? before : Math.min(1.0, before + spec.context().boost());
        Evidence evidence = new Evidence(pattern.name(), validatorNames, hits, before, after);
        return new Finding(spec.type(), valueStart, validEnd, after, spec.id(), evidence);
    }

    /**
     * The end of the longest candidate all validators accept: the match itself, or the match with up
     * to {@code shrink-on-fail} trailing groups dropped (an IBAN followed by an upper-case word). -1
     * when none is accepted.
     */
    private int validEnd(CharSequence text, int start, int end) {
        int candidateEnd = end;
        for (int attempt = 0; attempt <= spec.shrinkOnFail(); attempt++) {
            if (attempt > 0) {
                candidateEnd = withoutLastGroup(text, start, candidateEnd);
                if (candidateEnd < 0 || !isStandalone(text, start, candidateEnd, true)) {
                    return -1;
                }
            }
            if (passesValidators(text.subSequence(start, candidateEnd))) {
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
    private static int withoutLastGroup(CharSequence text, int start, int end) {
        int i = end;
        while (i > start && Character.isLetterOrDigit(text.charAt(i - 1))) {
            i--;
        }
        int groupStart = i;
        while (i > start && !Character.isLetterOrDigit(text.charAt(i - 1))) {
            i--;
        }
        return i > start && groupStart > start ? i : -1;
    }

    /**
     * Whether the neighbours of {@code [start, end)} show it is a whole token, per the spec's boundary;
     * the character before is judged only when {@code checkBefore}.
     */
    private boolean isStandalone(CharSequence text, int start, int end, boolean checkBefore) {
        DetectorSpec.Boundary b = spec.boundary();
        if (checkBefore && start > 0) {
            char before = text.charAt(start - 1);
            if (isWordChar(before) || b.forbidBefore().indexOf(before) >= 0
                    || (b.glueBefore().indexOf(before) >= 0 && start > 1 && Character.isLetterOrDigit(text.charAt(start - 2)))) {
                return false;
            }
        }
        if (end < text.length()) {
            char after = text.charAt(end);
            if (isWordChar(after) || b.forbidAfter().indexOf(after) >= 0
                    || (b.glueAfter().indexOf(after) >= 0 && end + 1 < text.length()
                    && Character.isLetterOrDigit(text.charAt(end + 1)))) {
                return false;
            }
        }
        return true;
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
