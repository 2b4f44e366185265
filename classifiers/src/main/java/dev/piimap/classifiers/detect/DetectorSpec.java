package dev.piimap.classifiers.detect;

import dev.piimap.classifiers.EntityType;

import java.util.List;
import java.util.Objects;

/**
 * The declarative description of a detector, as written in a {@code detectors/<id>.yaml} resource
 * (keys are the kebab-case forms of the component names). A candidate is reported when one of the
 * {@link #patterns} matches inside a {@link #prefilter} region, the {@link #boundary} shows it is not
 * a fragment of a longer token, every one of the {@link #validators} accepts it (after dropping up to
 * {@link #shrinkOnFail} trailing groups), it is not on the {@link #denyList}, and no
 * {@link #denyContext} word precedes it. Its score is the pattern's, raised by {@link Context#boost}
 * when a context word is near. Immutable; the constructor rejects invalid values with the key, the
 * value and the fix.
 *
 * @param id           kebab-case detector id, reported in every finding
 * @param type         the entity type found
 * @param description  one line for humans; may be empty
 * @param prefilter    cheap character checks that pick the regions patterns run on
 * @param patterns     named RE2 patterns with their base scores; at least one
 * @param validators   names of registered {@link dev.piimap.classifiers.validators.Validator}s, all of which must pass
 * @param shrinkOnFail how many trailing separator-delimited groups may be dropped to find a valid candidate
 * @param boundary     which neighbouring characters make a match a fragment of something longer
 * @param context      words that raise the score when near the match
 * @param denyContext  words that, just before a match, show it is something else (a version number)
 * @param denyList     values never reported (compared on letters and digits, case-insensitively)
 * @param columnHints  column-name words suggesting the type, see {@link Detector#columnNameHints()}
 */
public record DetectorSpec(String id, EntityType type, String description, Prefilter prefilter,
                           List<NamedPattern> patterns, List<String> validators, int shrinkOnFail,
                           Boundary boundary, Context context, DenyContext denyContext,
                           List<String> denyList, List<String> columnHints) {
    /** Most groups {@code shrink-on-fail} may drop. */
    public static final int MAX_SHRINK = 4;

    public DetectorSpec {
        requireThat(id != null && id.matches("[a-z0-9]+(?:-[a-z0-9]+)*"), "id", id,
                "use a kebab-case id such as 'credit-card'");
        requireThat(type != null, "type", null, "name one of " + List.of(EntityType.values()));
        description = description == null ? "" : description;
        prefilter = prefilter == null ? Prefilter.NONE : prefilter;
        requireThat(patterns != null && !patterns.isEmpty(), "patterns", patterns, "give at least one named pattern");
        patterns = List.copyOf(patterns);
        requireThat(patterns.stream().map(NamedPattern::name).distinct().count() == patterns.size(), "patterns",
                patterns.stream().map(NamedPattern::name).toList(), "give every pattern a distinct name");
        validators = validators == null ? List.of() : List.copyOf(validators);
        requireThat(shrinkOnFail >= 0 && shrinkOnFail <= MAX_SHRINK, "shrink-on-fail", shrinkOnFail,
                "use a number from 0 to " + MAX_SHRINK);
        requireThat(shrinkOnFail == 0 || !validators.isEmpty(), "shrink-on-fail", shrinkOnFail,
                "shrinking only applies after a validator failed: add validators or remove shrink-on-fail");
        boundary = boundary == null ? Boundary.DEFAULT : boundary;
        context = context == null ? Context.NONE : context;
        denyContext = denyContext == null ? DenyContext.NONE : denyContext;
        denyList = denyList == null ? List.of() : List.copyOf(denyList);
        columnHints = columnHints == null ? List.of() : List.copyOf(columnHints);
        for (NamedPattern p : patterns) {
            requireThat(!p.requiresContext() || !context.words().isEmpty(), "patterns." + p.name() + ".requires-context",
                    true, "list context words under 'context.words', or drop requires-context");
        }
    }

    /**
     * One regular expression in RE2 syntax (no lookaround, no backreferences) with the score of a
     * candidate it matched that passed validation. A pattern may hold one capture group named
     * {@value #VALUE_GROUP}, e.g. {@code password[:=] *(?P<value>\S+)}: the finding is then that group
     * only (the secret, not its label), while the boundary, context and deny-context rules look at the
     * whole match, and validators and the deny list at the group. Such a pattern cannot shrink.
     *
     * @param requiresContext when true, a match is reported only with a context word nearby (or, in
     *                        delimited text, in the header of its column: {@link DelimitedHeaders})
     * @param needs           when not empty, the pattern runs only on regions holding one of these characters
     *                        (an IPv6 pattern needs ':'); a cheap way to skip hopeless regions
     * @param startsWith      when not empty, the pattern is tried only where one of these words (matched
     *                        case-insensitively; not preceded by a letter or digit, or starting a camel-case
     *                        hump) starts, anchored there; nothing else is scanned. For label patterns
     *                        ({@code password: X}), which would otherwise be tried at every position. The
     *                        word rule replaces the boundary's check before the match, so
     *                        {@code DB_PASSWORD}, {@code x-api-key} and {@code userPassword} qualify.
     * @param columnContext   when true ({@code requires-context: column}), a match is reported only as the
     *                        whole cell of a column of delimited text whose header holds a context word
     *                        ({@code id,name,date_of_birth}); words near it do not count
     */
    public record NamedPattern(String name, String regex, double score, boolean requiresContext, String needs,
                               List<String> startsWith, boolean columnContext) {
        /** The name of the capture group that, when present, is the reported span. */
        public static final String VALUE_GROUP = "value";

        /** A pattern tried at every position of its regions. */
        public NamedPattern(String name, String regex, double score, boolean requiresContext, String needs) {
            this(name, regex, score, requiresContext, needs, List.of());
        }

        /** A pattern whose context, when it requires one, may be near it. */
        public NamedPattern(String name, String regex, double score, boolean requiresContext, String needs,
                            List<String> startsWith) {
            this(name, regex, score, requiresContext, needs, startsWith, false);
        }

        public NamedPattern {
            needs = needs == null ? "" : needs;
            startsWith = startsWith == null ? List.of()
                    : startsWith.stream().map(w -> w == null ? "" : w.toLowerCase(java.util.Locale.ROOT)).toList();
            requireThat(startsWith.stream().noneMatch(String::isEmpty), "patterns." + name + ".starts-with", startsWith,
                    "list non-empty words");
            requireThat(name != null && name.matches("[a-z0-9]+(?:-[a-z0-9]+)*"), "patterns[].name", name,
                    "use a kebab-case pattern name");
            requireThat(regex != null && !regex.isEmpty(), "patterns." + name + ".regex", regex, "give an RE2 regex");
            requireThat(score > 0 && score <= 1, "patterns." + name + ".score", score, "use a number in (0, 1]");
            requiresContext = requiresContext || columnContext;
        }
    }

    /**
     * Cheap checks that pick the regions of a text patterns run on. A region is a maximal run of
     * {@code alphabet} characters (plus any letter or digit outside ASCII when {@code anyLetter})
     * that contains at least one character of {@code anyOf} (when given) and at least
     * {@code minDigits} ASCII digits. Every character a pattern can match must be in the alphabet.
     * Without an alphabet the whole text is one region. A run of more than {@code maxDigitRun}
     * consecutive digits (when above 0) cannot be part of a match, nor touch one, so it splits the
     * region and is skipped: long digit runs then cost one pass, not one per pattern. A region shorter
     * than {@code minLength} characters is skipped (tokens of 20 or more characters need not look at
     * every word of a text).
     *
     * @param alphabet ASCII characters and ranges such as {@code 0-9A-Z ._-} (a '-' first or last is literal)
     */
    public record Prefilter(String alphabet, boolean anyLetter, String anyOf, int minDigits, int maxDigitRun,
                            int minLength) {
        /** No prefilter: patterns run on the whole text. */
        public static final Prefilter NONE = new Prefilter("", false, "", 0, 0, 0);

        /** A prefilter without a minimum region length. */
        public Prefilter(String alphabet, boolean anyLetter, String anyOf, int minDigits, int maxDigitRun) {
            this(alphabet, anyLetter, anyOf, minDigits, maxDigitRun, 0);
        }

        public Prefilter {
            requireThat(maxDigitRun >= 0, "prefilter.max-digit-run", maxDigitRun, "use a number >= 0 (0: no limit)");
            requireThat(minLength >= 0, "prefilter.min-length", minLength, "use a number >= 0 (0: no minimum)");
            alphabet = alphabet == null ? "" : alphabet;
            anyOf = anyOf == null ? "" : anyOf;
            requireThat(minDigits >= 0, "prefilter.min-digits", minDigits, "use a number >= 0");
            requireThat(alphabet.chars().allMatch(c -> c < 128), "prefilter.alphabet", alphabet,
                    "list ASCII characters only; set any-letter: true for other letters and digits");
        }
    }

    /**
     * Neighbours that show a match is a fragment of a longer token. Letters, digits and '_' may never
     * touch a match. A {@code forbid} character may not touch it on that side; a {@code glue}
     * character may not touch it when a letter or digit lies beyond it ("v2.4.10.3.1", "ORD-4111...").
     * With {@code codeGroups}, a match that continues a run of space-separated code groups is a
     * fragment too (see {@link CodeGroups}): {@code DE40 2386 [0962 2524 94]}.
     */
    public record Boundary(String forbidBefore, String forbidAfter, String glueBefore, String glueAfter,
                           boolean codeGroups) {
        /** Glue characters used when a spec names none. */
        public static final String DEFAULT_GLUE = "-.";
        public static final Boundary DEFAULT = new Boundary("", "", DEFAULT_GLUE, DEFAULT_GLUE);

        public Boundary(String forbidBefore, String forbidAfter, String glueBefore, String glueAfter) {
            this(forbidBefore, forbidAfter, glueBefore, glueAfter, false);
        }

        public Boundary {
            forbidBefore = forbidBefore == null ? "" : forbidBefore;
            forbidAfter = forbidAfter == null ? "" : forbidAfter;
            glueBefore = glueBefore == null ? DEFAULT_GLUE : glueBefore;
            glueAfter = glueAfter == null ? DEFAULT_GLUE : glueAfter;
        }
    }

    /**
     * Context words (matched case-insensitively as whole words) within {@code window} characters
     * before or after a match raise its score by {@code boost}, up to 1.
     */
    public record Context(List<String> words, int window, double boost) {
        public static final int DEFAULT_WINDOW = 48;
        public static final double DEFAULT_BOOST = 0.3;
        public static final Context NONE = new Context(List.of(), DEFAULT_WINDOW, DEFAULT_BOOST);

        public Context {
            requireThat(words == null || words.stream().noneMatch(w -> w == null || w.isBlank()), "context.words", words,
                    "remove the empty word: context words are whole words");
            words = words == null ? List.of() : words.stream().map(w -> w.toLowerCase(java.util.Locale.ROOT)).toList();
            requireThat(window > 0 && window <= 1000, "context.window", window, "use a number of characters from 1 to 1000");
            requireThat(boost >= 0 && boost <= 1, "context.boost", boost, "use a number in [0, 1]");
        }
    }

    /** Words that, within {@code window} characters before a match, drop it. */
    public record DenyContext(List<String> words, int window) {
        public static final int DEFAULT_WINDOW = 16;
        public static final DenyContext NONE = new DenyContext(List.of(), DEFAULT_WINDOW);

        public DenyContext {
            requireThat(words == null || words.stream().noneMatch(w -> w == null || w.isBlank()), "deny-context.words", words,
                    "remove the empty word: deny-context words are whole words");
            words = words == null ? List.of() : words.stream().map(w -> w.toLowerCase(java.util.Locale.ROOT)).toList();
            requireThat(window > 0 && window <= 1000, "deny-context.window", window, "use a number of characters from 1 to 1000");
        }
    }

    static void requireThat(boolean condition, String key, Object value, String fix) {
        if (!condition) {
            throw new IllegalArgumentException("'" + key + "' is " + (value == null ? "missing" : "'" + value + "'") + ": " + fix);
        }
    }

    @Override
    public String toString() {
        return "DetectorSpec[" + id + " -> " + Objects.toString(type) + ", " + patterns.size() + " patterns]";
    }
}
