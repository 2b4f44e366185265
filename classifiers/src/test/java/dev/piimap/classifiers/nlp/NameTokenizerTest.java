package dev.piimap.classifiers.nlp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameTokenizerTest {
    @Test
    void keepsNamesWholeAndSplitsPunctuation() {
        assertThat(NameTokenizer.tokenize("From: \"Jean-Luc O'Neill\" <jl.oneill@example.com>").tokens())
                .containsExactly("From", ":", "\"", "Jean-Luc", "O'Neill", "\"", "<", "jl.oneill@example.com", ">");
    }

    @Test
    void keepsThePeriodOfInitialsAndTitlesOnly() {
        assertThat(NameTokenizer.tokenize("Dr. J. R. Smith left.").tokens())
                .containsExactly("Dr.", "J.", "R.", "Smith", "left", ".");
    }

    @Test
    void splitsPossessivesAndCsvFields() {
        assertThat(NameTokenizer.tokenize("Anna's;1042,Jane,Doe").tokens())
                .containsExactly("Anna", "'", "s", ";", "1042", ",", "Jane", ",", "Doe");
    }

    @Test
    void aLineBreakIsOneTokenAndOffsetsAreUtf16() {
        NameTokenizer.Tokens t = NameTokenizer.tokenize("🎉 Ana\n\n  Bo");

        assertThat(t.tokens()).containsExactly("🎉", "Ana", NameTokenizer.NEWLINE, "Bo");
        assertThat(t.starts()).containsExactly(0, 3, 6, 10);
        assertThat(t.ends()).containsExactly(2, 6, 7, 12);
    }
}
