package dev.piimap.classifiers.nlp;

import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.detect.Evidence;
import dev.piimap.classifiers.detect.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a span the name model tagged into a finding, or drops it. Boundaries: a span stops at a line
 * break; across a bracket, dash or column gap only its part the gazetteer knows best is kept; leading
 * titles, greetings and closings ({@code Dr}, {@code Atentamente}) and edge punctuation are cut off; name
 * particles and the capitalised word after them are taken in ({@code Joost de Vries}). Dropped: spans
 * without a capital, with a digit, ending in or followed by an organisation or street word
 * ({@code Industries}, {@code Street}), starting with a place word ({@code Port}, {@code South}), right
 * after a postcode ({@code 80272 San Remo}), hyphenated labels and codes ({@code User-Agent},
 * {@code X-Originating-IP}), and all-capital words amid lower-case text unless a label precedes them or
 * the gazetteer knows two or more of them as names. Score: the model probability times {@code 0.8 + 0.2 * gazetteer agreement},
 * plus {@value #CONTEXT_BOOST} after a title or label, at most 1.
 */
final class PersonSpans {
    /** Share of the model probability that depends on gazetteer agreement. */
    static final double GAZETTEER_SHARE = 0.2;
    static final double CONTEXT_BOOST = 0.12;
    /** How many tokens before a name are searched for a label. */
    static final int LABEL_WINDOW = 4;

    private PersonSpans() {
    }

    /** The finding for tokens {@code [start, end)} tagged with {@code probability}, or null when dropped or under {@code minScore}. */
    static Finding finding(NameTokenizer.Tokens tokens, int start, int end, double probability, NameLexicon lexicon, double minScore) {
        String[] words = tokens.tokens();
        int s = start;
        int e = end;
        for (int k = s; k < e; k++) {
            if (words[k].equals(NameTokenizer.NEWLINE)) {
                e = k;
                break;
            }
        }
        int[] part = bestPart(tokens, s, e, lexicon);
        boolean split = part[0] != s || part[1] != e;
        s = part[0];
        e = part[1];
        while (s < e && (isLeadingNonName(words[s], lexicon) || !startsWithLetter(words[s]))) {
            s++;
        }
        while (e > s && !startsWithLetter(words[e - 1])) {
            e--;
        }
        if (s < e) {
            e = withParticles(tokens, e);
            s = withGivenNameBefore(tokens, s, lexicon);
            e = withFamilyNameAfter(tokens, e, lexicon);
        }
        if (s >= e || isNonPersonHead(words[e - 1]) || e < words.length && isNonPersonHead(words[e])
                || e - s > 1 && NameLexicon.PLACE_PREFIXES.contains(words[s].toLowerCase(Locale.ROOT))
                || afterPostcode(words, s)) {
            return null;
        }
        double evidence = 0;
        int counted = 0;
        boolean capitalised = false;
        boolean allCaps = true;
        boolean allKnown = true;
        for (int k = s; k < e; k++) {
            String w = words[k];
            if (!startsWithLetter(w)) {
                continue;
            }
            if (hasDigit(w) || isMixedCode(w) || lexicon.isWordCompound(w.toLowerCase(Locale.ROOT))) {
                return null;
            }
            String lower = w.toLowerCase(Locale.ROOT);
            if (NameLexicon.PARTICLES.contains(lower) && e - s > 1) {
                continue;
            }
            capitalised |= Character.isUpperCase(w.charAt(0));
            if (isInitial(w)) {
                continue;
            }
            allCaps &= w.length() > 1 && w.equals(w.toUpperCase(Locale.ROOT));
            allKnown &= lexicon.isName(lower);
            evidence += lexicon.nameEvidence(w);
            counted++;
        }
        if (!capitalised || split && evidence == 0) {
            return null;
        }
        List<String> context = new ArrayList<>(2);
        for (int k = Math.max(0, s - LABEL_WINDOW); k < s; k++) {
            String bare = NameLexicon.stripPeriod(words[k].toLowerCase(Locale.ROOT));
            boolean adjacentTitle = NameLexicon.TITLES.contains(bare) && k >= s - 2;
            if (adjacentTitle || NameLexicon.STRONG_LABELS.contains(bare)) {
                context.add(bare);
            }
        }
        // Capitals amid lower-case text are acronyms and codes (VAT ID, POST, QXTRMB), unless a label asks
        // for a name or the gazetteer knows two or more names (GARCIA LOPEZ).
        if (counted > 0 && allCaps && context.isEmpty() && !(allKnown && counted >= 2) && lineHasLowerCase(words, s, e)) {
            return null;
        }
        double gazetteer = counted == 0 ? 0 : evidence / counted;
        double score = probability * (1 - GAZETTEER_SHARE + GAZETTEER_SHARE * gazetteer) + (context.isEmpty() ? 0 : CONTEXT_BOOST);
        score = Math.min(1.0, Math.max(0.0, score));
        if (score < minScore) {
            return null;
        }
        Evidence why = new Evidence("name-finder", gazetteer > 0 ? "gazetteer" : null, context, probability, score);
        return new Finding(EntityType.PERSON, tokens.starts()[s], tokens.ends()[e - 1], score, PersonDetector.ID, why);
    }

    /**
     * The part of {@code [s, e)} between breaks (a punctuation token other than the comma of
     * {@code Family, Given}, or a column gap) whose words the gazetteer knows best, the first on a tie;
     * {@code {s, e}} when there is no break.
     */
    private static int[] bestPart(NameTokenizer.Tokens tokens, int s, int e, NameLexicon lexicon) {
        String[] words = tokens.tokens();
        List<int[]> parts = new ArrayList<>(2);
        int from = s;
        for (int k = s; k < e; k++) {
            if (!startsWithLetter(words[k]) && !words[k].equals(",")) {
                parts.add(new int[] {from, k});
                from = k + 1;
            } else if (k > from && isColumnGap(tokens, k)) {
                parts.add(new int[] {from, k});
                from = k;
            }
        }
        if (parts.isEmpty()) {
            return new int[] {s, e};
        }
        parts.add(new int[] {from, e});
        int[] best = {s, s};
        double bestEvidence = -1;
        for (int[] part : parts) {
            double evidence = 0;
            for (int j = part[0]; j < part[1]; j++) {
                evidence += startsWithLetter(words[j]) ? lexicon.nameEvidence(words[j]) : 0;
            }
            if (part[1] > part[0] && evidence > bestEvidence) {
                bestEvidence = evidence;
                best = part;
            }
        }
        return best;
    }

    /** Two or more characters between tokens {@code k - 1} and {@code k}: a table column, not the space inside a name. */
    private static boolean isColumnGap(NameTokenizer.Tokens tokens, int k) {
        return tokens.starts()[k] - tokens.ends()[k - 1] >= 2;
    }

    /** The end after any name particles and the capitalised word they lead to ({@code Joost | de Vries}). */
    private static int withParticles(NameTokenizer.Tokens tokens, int e) {
        String[] words = tokens.tokens();
        int k = e;
        while (k < words.length && k - e < 3 && NameLexicon.PARTICLES.contains(words[k].toLowerCase(Locale.ROOT))
                && tokens.starts()[k] - tokens.ends()[k - 1] == 1) {
            k++;
        }
        if (k == e || k >= words.length || tokens.starts()[k] - tokens.ends()[k - 1] != 1) {
            return e;
        }
        String next = words[k];
        boolean name = Character.isUpperCase(next.charAt(0)) && next.length() > 1 && !hasDigit(next) && !isNonPersonHead(next)
                && NameLexicon.hasLowerCaseWord(next);
        return name ? k + 1 : e;
    }

    /**
     * The start, moved back over a capitalised given name right before the span that the model left
     * out because it is also a place or word ({@code Charlotte | Pons}, {@code Santiago | Segovia}).
     */
    private static int withGivenNameBefore(NameTokenizer.Tokens tokens, int s, NameLexicon lexicon) {
        if (s == 0 || tokens.starts()[s] - tokens.ends()[s - 1] != 1) {
            return s;
        }
        String before = tokens.tokens()[s - 1];
        return isNameWord(before) && (lexicon.flagsOf(before.toLowerCase(Locale.ROOT)) & NameLexicon.GIVEN) != 0 ? s - 1 : s;
    }

    /** The end, moved over a capitalised family name right after the span ({@code Mario | Corral}). */
    private static int withFamilyNameAfter(NameTokenizer.Tokens tokens, int e, NameLexicon lexicon) {
        if (e >= tokens.size() || tokens.starts()[e] - tokens.ends()[e - 1] != 1) {
            return e;
        }
        String after = tokens.tokens()[e];
        return isNameWord(after) && (lexicon.flagsOf(after.toLowerCase(Locale.ROOT)) & NameLexicon.FAMILY) != 0 ? e + 1 : e;
    }

    /** A capitalised word that may stand in a name: no title, label, particle, place or organisation word. */
    private static boolean isNameWord(String token) {
        if (token.length() < 2 || !Character.isUpperCase(token.charAt(0)) || !NameLexicon.hasLowerCaseWord(token) || hasDigit(token)
                || token.endsWith(".")) {
            return false;
        }
        String lower = token.toLowerCase(Locale.ROOT);
        return !NameLexicon.TITLES.contains(lower) && !NameLexicon.LABELS.contains(lower) && !NameLexicon.STRONG_LABELS.contains(lower)
                && !NameLexicon.PARTICLES.contains(lower) && !NameLexicon.PLACE_PREFIXES.contains(lower)
                && !NameLexicon.NON_PERSON_HEADS.contains(lower);
    }

    /** A four- or five-digit number just before (a place word between allowed): the span is the town of a postcode. */
    private static boolean afterPostcode(String[] words, int s) {
        int k = s - 1;
        if (k >= 0 && (NameLexicon.PARTICLES.contains(words[k].toLowerCase(Locale.ROOT))
                || NameLexicon.PLACE_PREFIXES.contains(words[k].toLowerCase(Locale.ROOT)))) {
            k--;
        }
        if (k < 0) {
            return false;
        }
        String w = words[k];
        if (w.length() < 4 || w.length() > 5) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            if (w.charAt(i) < '0' || w.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether a word of two or more letters with a lower-case letter stands on the span's line outside it. */
    private static boolean lineHasLowerCase(String[] words, int s, int e) {
        for (int k = s - 1; k >= 0 && !words[k].equals(NameTokenizer.NEWLINE); k--) {
            if (NameLexicon.hasLowerCaseWord(words[k])) {
                return true;
            }
        }
        for (int k = e; k < words.length && !words[k].equals(NameTokenizer.NEWLINE); k++) {
            if (NameLexicon.hasLowerCaseWord(words[k])) {
                return true;
            }
        }
        return false;
    }

    /** A title, greeting or closing word before a name ({@code Dr}, {@code Atentamente}), unless it is itself a name. */
    private static boolean isLeadingNonName(String token, NameLexicon lexicon) {
        String lower = token.toLowerCase(Locale.ROOT);
        if (NameLexicon.isStrippedTitle(lower)) {
            return true;
        }
        String bare = NameLexicon.stripPeriod(lower);
        return (NameLexicon.STRONG_LABELS.contains(bare) || NameLexicon.LABELS.contains(bare)) && lexicon.nameEvidence(token) < 1;
    }

    /** A hyphenated word joining capitals and lower case ({@code X-Originating-IP}): a header or code, not a name. */
    private static boolean isMixedCode(String token) {
        if (token.indexOf('-') < 0) {
            return false;
        }
        boolean capsPart = false;
        boolean lowerPart = false;
        for (String part : token.split("-")) {
            if (part.length() >= 2 && part.equals(part.toUpperCase(Locale.ROOT))) {
                capsPart = true;
            } else if (!part.equals(part.toUpperCase(Locale.ROOT))) {
                lowerPart = true;
            }
        }
        return capsPart && lowerPart;
    }

    static boolean isNonPersonHead(String token) {
        return NameLexicon.NON_PERSON_HEADS.contains(NameLexicon.stripPeriod(token.toLowerCase(Locale.ROOT)));
    }

    static boolean startsWithLetter(String token) {
        return Character.isLetter(token.charAt(0));
    }

    private static boolean hasDigit(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (Character.isDigit(token.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInitial(String token) {
        return NameTokenizer.isInitials(token);
    }
}
