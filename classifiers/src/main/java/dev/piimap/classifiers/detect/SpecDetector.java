package dev.piimap.classifiers.detect;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
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
    private record CompiledPattern(DetectorSpec.NamedPattern spec, Pattern regex) {
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
            try {
                compiled.add(new CompiledPattern(p, Pattern.compile(p.regex())));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("pattern '" + p.name() + "' does not compile (" + e.getDescription()
                        + "): fix the regex; RE2 syntax has no lookaround and no backreferences", e);
            }
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
                for (int r = 0; r < bounds.length; r += 2) {
                    if (needs.isEmpty() || containsAny(text, bounds[r], bounds[r + 1], needs)) {
                        matchRegion(text, bounds[r], bounds[r + 1], pattern, found, rejected);
                    }
                }
            }
            Map<EntityType, Integer> rejections = rejected[0] == 0 ? Map.of() : Map.of(spec.type(), rejected[0]);
            return new Examination(Overlaps.resolve(found), rejections);
        } catch (RuntimeException | StackOverflowError e) {
            return Examination.empty();
        }
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
     * {@code \b} is judged against the real neighbours; matches reaching into them are ignored.
     */
    private void matchRegion(CharSequence text, int start, int end, CompiledPattern pattern,
                             List<Finding> found, int[] rejected) {
        int windowStart = Math.max(0, start - 1);
        int windowEnd = Math.min(text.length(), end + 1);
        Matcher m = pattern.regex().matcher(text.subSequence(windowStart, windowEnd));
        while (m.find()) {
            int s = windowStart + m.start();
            int e = windowStart + m.end();
            if (s >= start && e <= end && e > s) {
                Finding f = judge(text, s, e, pattern.spec(), rejected);
                if (f != null) {
                    found.add(f);
                }
            }
        }
    }

    /** Applies the spec's rules to one match; null when it is not reported. */
    private Finding judge(CharSequence text, int start, int end, DetectorSpec.NamedPattern pattern, int[] rejected) {
        if (!isStandalone(text, start, end)) {
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
        int validEnd = validEnd(text, start, end);
        if (validEnd < 0 || denyList.contains(comparable(text.subSequence(start, validEnd)))) {
            rejected[0]++;
            return null;
        }
        double before = pattern.score();
        double after = hits.isEmpty() ? before : Math.min(1.0, before + spec.context().boost());
        Evidence evidence = new Evidence(pattern.name(), validatorNames, hits, before, after);
        return new Finding(spec.type(), start, validEnd, after, spec.id(), evidence);
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
                if (candidateEnd < 0 || !isStandalone(text, start, candidateEnd)) {
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

    /** Whether the neighbours of {@code [start, end)} show it is a whole token, per the spec's boundary. */
    private boolean isStandalone(CharSequence text, int start, int end) {
        DetectorSpec.Boundary b = spec.boundary();
        if (start > 0) {
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
