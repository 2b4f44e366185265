package dev.piimap.classifiers.nlp;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The candidate pass jumps from one capitalised word start to the next. These tests hold it to the
 * plain scan it replaced, which walked every word ({@link #everyWordScan}), on texts made of the
 * characters that decide word starts: letters in both cases inside and outside ASCII, apostrophes and
 * hyphens between letters, spaces, digits, and initials with full stops.
 */
class PersonCandidatesTest {
    private static final NameLexicon LEXICON = NameLexicon.shipped();
    private static final String[] WORDS = {
        "Margaret", "Thompson", "Dr", "Dear", "Regards", "Name", "the", "desk", "Desk", "Lamp", "Zura", "Kezraka",
        "O'Brien", "Jean-Luc", "d'Arc", "McDonald", "iPhone", "LG", "NT", "CO", "ACME", "JOHN", "SMITH", "J", "K",
        "Émile", "Zoë", "Ørsted", "Łukasz", "Straße", "Kestrel", "Insurance", "ticket", "Álvarez", "x", "X",
    };
    private static final String[] GLUE = {" ", "  ", "   ", "    ", ". ", ".", ", ", "\n", "-", "'", "’", "--", "''",
        " - ", "1", "42 ", "\t", "Ⓐ", "_", "@", "/"};

    @Test
    void findsTheRegionsOfTheScanOverEveryWord() {
        Random random = new Random(11);
        for (int t = 0; t < 20_000; t++) {
            StringBuilder text = new StringBuilder();
            int parts = 1 + random.nextInt(30);
            for (int p = 0; p < parts; p++) {
                text.append(random.nextInt(4) == 0 ? randomWord(random) : WORDS[random.nextInt(WORDS.length)]);
                text.append(GLUE[random.nextInt(GLUE.length)]);
            }
            String s = random.nextBoolean() ? text.toString() : text.substring(random.nextInt(text.length()));
            assertThat(PersonCandidates.regions(s, LEXICON)).as(s).containsExactlyElementsOf(everyWordScan(s));
        }
    }

    @Test
    void aCapitalInsideAWordIsNoWordStart() {
        String text = "iPhone O'Brien Jean-Luc d'Arc x-Ray";
        List<Integer> starts = new ArrayList<>();
        for (int i = PersonCandidates.nextCapitalWordStart(text, 0, text.length()); i < text.length();
                i = PersonCandidates.nextCapitalWordStart(text, i + 1, text.length())) {
            starts.add(i);
        }
        assertThat(starts).containsExactly(text.indexOf("O'"), text.indexOf("Jean"));
    }

    private static String randomWord(Random random) {
        char[] word = new char[1 + random.nextInt(6)];
        for (int k = 0; k < word.length; k++) {
            int kind = random.nextInt(10);
            word[k] = kind < 5 ? (char) ('a' + random.nextInt(26)) : kind < 8 ? (char) ('A' + random.nextInt(26))
                    : kind == 8 ? "ÉÖÇßéøłΩω".charAt(random.nextInt(9)) : "'’-".charAt(random.nextInt(3));
        }
        return new String(word);
    }

    /** The candidate scan as it was before it skipped lower-case words: every word is walked. */
    private static List<int[]> everyWordScan(CharSequence text) {
        List<int[]> regions = new ArrayList<>();
        int n = text.length();
        int previousCapitalEnd = -1;
        boolean previousCommon = false;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                i++;
                continue;
            }
            int start = i;
            i++;
            while (i < n) {
                char d = text.charAt(i);
                if (Character.isLetter(d) || (d == '\'' || d == '’' || d == '-') && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
                    i++;
                } else {
                    break;
                }
            }
            if (!Character.isUpperCase(c)) {
                previousCapitalEnd = -1;
                continue;
            }
            boolean anchor;
            boolean common = false;
            if (i - start == 1) {
                anchor = PersonCandidates.isInitialBeforeName(text, i);
            } else if (i - start > PersonCandidates.MAX_WORD || i - start <= 3 && PersonCandidates.isAllCaps(text, start, i)) {
                anchor = false;
            } else {
                String lower = text.subSequence(start, i).toString().toLowerCase(Locale.ROOT);
                int flags = LEXICON.flagsOf(lower);
                boolean cue = NameLexicon.isCue(lower);
                boolean name = (flags & (NameLexicon.GIVEN | NameLexicon.FAMILY)) != 0;
                boolean word = (flags & NameLexicon.WORD) != 0;
                common = word && !name;
                anchor = cue || name && !word || previousCapitalEnd >= 0 && !common && !previousCommon
                        && PersonCandidates.onlySpaces(text, previousCapitalEnd, start);
            }
            if (anchor) {
                PersonCandidates.add(regions, text, start, i);
            }
            previousCapitalEnd = i - start >= 2 ? i : -1;
            previousCommon = common;
        }
        return regions;
    }
}
