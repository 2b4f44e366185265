package dev.piimap.scanner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Users add detectors by dropping spec files into a folder; bad specs are config errors naming the file. */
class CustomDetectorsTest {
    static final String TOKEN_SPEC = """
            # AhuraSense's own API tokens: ahs_ followed by 32 lower-case hex characters.
            id: ahurasense-api-token
            type: CREDENTIAL
            description: An AhuraSense Cloud API token.
            patterns:
              - name: token
                regex: 'ahs_[0-9a-f]{32}'
                score: 0.9
            """;

    @TempDir
    Path tmp;

    @Test
    void detectFindsWhatAUserSpecDescribes() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("detectors"));
        Files.writeString(folder.resolve("ahurasense-token.yaml"), TOKEN_SPEC);
        Path in = tmp.resolve("in.jsonl");
        Files.writeString(in, "{\"id\":\"1\",\"text\":\"use key ahs_0123456789abcdef0123456789abcdef now\"}\n");
        Path out = tmp.resolve("out.jsonl");

        CliRunner.Result r = CliRunner.run("detect", "--in", in.toString(), "--out", out.toString(), "--detectors", folder.toString());

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Files.readString(out)).contains("\"detector\":\"ahurasense-api-token\"").contains("\"type\":\"CREDENTIAL\"")
                .contains("\"start\":8").contains("\"end\":44").doesNotContain("ahs_0123");
    }

    @Test
    void withoutTheFolderTheTokenIsNotFound() throws Exception {
        Path in = tmp.resolve("in.jsonl");
        Files.writeString(in, "{\"id\":\"1\",\"text\":\"use key ahs_0123456789abcdef0123456789abcdef now\"}\n");
        Path out = tmp.resolve("out.jsonl");
        assertThat(CliRunner.run("detect", "--in", in.toString(), "--out", out.toString()).status()).isZero();
        assertThat(Files.readString(out)).doesNotContain("ahurasense-api-token");
    }

    @Test
    void aBrokenSpecIsAConfigErrorNamingTheFile() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("detectors"));
        Files.writeString(folder.resolve("broken.yaml"), TOKEN_SPEC.replace("type: CREDENTIAL", "type: SHOE_SIZE"));
        Path cfg = tmp.resolve("scan.yaml");
        Files.writeString(cfg, "datamap: ./dm\ndetectors: ./detectors\nsources: [{name: a, type: files, root: .}]\n");

        CliRunner.Result r = CliRunner.run("run", "--config", cfg.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("detectors").contains("broken.yaml").contains("SHOE_SIZE");
        assertThat(tmp.resolve("dm")).doesNotExist();
    }

    @Test
    void aSpecReusingABuiltInIdIsRejected() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("detectors"));
        Files.writeString(folder.resolve("email.yaml"), TOKEN_SPEC.replace("id: ahurasense-api-token", "id: email"));
        Path in = tmp.resolve("in.jsonl");
        Files.writeString(in, "{\"id\":\"1\",\"text\":\"x\"}\n");
        CliRunner.Result r = CliRunner.run("detect", "--in", in.toString(), "--detectors", folder.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("id 'email' is already taken");
    }
}
