package dev.piimap.classifiers.detect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the engine may conclude from a regex's source without running it. */
class RegexPrefilterTest {
    @Test
    void literalPrefixIsWhatEveryMatchStartsWith() {
        assertThat(RegexPrefilter.literalPrefix("eyJ[A-Za-z0-9_-]{8,}\\.", 3)).isEqualTo("eyJ");
        assertThat(RegexPrefilter.literalPrefix("glpat-[A-Za-z0-9_-]{20,}", 3)).isEqualTo("glpat-");
        assertThat(RegexPrefilter.literalPrefix("abcd?x", 3)).isEqualTo("abc");
        assertThat(RegexPrefilter.literalPrefix("abcd{2}", 3)).isEqualTo("abc");
    }

    @Test
    void noLiteralPrefixWhenAMatchMayStartOtherwise() {
        assertThat(RegexPrefilter.literalPrefix("abc|xyz", 3)).isNull();
        assertThat(RegexPrefilter.literalPrefix("(?i)abcdef", 3)).isNull();
        assertThat(RegexPrefilter.literalPrefix("ab[c]", 3)).isNull();
        assertThat(RegexPrefilter.literalPrefix("abc?", 3)).isNull();
        assertThat(RegexPrefilter.literalPrefix("\\.abc", 3)).isNull();
    }
}
