package dev.piimap.scanner.extract;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedNamesTest {
    @Test
    void repeatedNamesGetANumberBeforeTheExtension() {
        EmbeddedNames names = new EmbeddedNames();
        names.reserve("mail.eml");

        assertThat(names.childPath("mail.eml", named("scan.pdf"), 1)).isEqualTo("mail.eml!/scan.pdf");
        assertThat(names.childPath("mail.eml", named("scan.pdf"), 2)).isEqualTo("mail.eml!/scan (2).pdf");
        assertThat(names.childPath("mail.eml", named("scan.pdf"), 3)).isEqualTo("mail.eml!/scan (3).pdf");
        assertThat(names.childPath("mail.eml", named("README"), 4)).isEqualTo("mail.eml!/README");
        assertThat(names.childPath("mail.eml", named("README"), 5)).isEqualTo("mail.eml!/README (2)");
    }

    @Test
    void unnamedDocumentsAreNumbered() {
        EmbeddedNames names = new EmbeddedNames();

        assertThat(names.childPath("a.docx", new Metadata(), 3)).isEqualTo("a.docx!/embedded-3");
        assertThat(names.childPath("a.docx", named("  "), 4)).isEqualTo("a.docx!/embedded-4");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "dir/file.txt        | dir/file.txt",
            "/abs/file.txt       | abs/file.txt",
            "..\\..\\evil.txt    | evil.txt",
            "a/./b/../c.txt      | a/b/c.txt",
            "fake!/nesting.txt   | fake_/nesting.txt",
            "ends-with-bang!     | ends-with-bang_",
    })
    void namesCannotFakeANestingLevelOrClimbOut(String raw, String cleaned) {
        assertThat(EmbeddedNames.clean(raw)).isEqualTo(cleaned);
    }

    @Test
    void controlCharactersAreDropped() {
        assertThat(EmbeddedNames.clean("in\u0000voice\n.pdf")).isEqualTo("invoice.pdf");
    }

    private static Metadata named(String name) {
        Metadata m = new Metadata();
        m.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        return m;
    }
}
