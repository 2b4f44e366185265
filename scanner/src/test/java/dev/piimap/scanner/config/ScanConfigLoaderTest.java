package dev.piimap.scanner.config;

import dev.piimap.scanner.extract.OcrSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScanConfigLoaderTest {
    private static final Path BASE = Path.of("/etc/piimap");
    private final ScanConfigLoader loader = new ScanConfigLoader();

    @Test
    void readsTheContractExample() {
        ScanConfig cfg = loader.parse("""
                datamap: ./datamap
                spark:
                  master: local[2]
                sources:
                  - name: billing-db
                    type: jdbc
                    url: jdbc:postgresql://127.0.0.1:5432/app
                    user: scanner
                    password: ${env:BILLING_DB_PASSWORD}
                    include: ["accounts.*", "billing.*"]
                    sample-rows: 1000
                  - name: bucket
                    type: files
                    root: s3a://bucket/prefix/
                    s3: {endpoint: "http://127.0.0.1:9000", path-style: true,
                         access-key: "${env:S3_KEY}", secret-key: "${env:S3_SECRET}"}
                    include: ["**"]
                """, BASE);

        assertThat(cfg.datamap()).isEqualTo("/etc/piimap/datamap");
        assertThat(cfg.sparkMaster()).isEqualTo("local[2]");
        assertThat(cfg.keepSamples()).isTrue();
        JdbcSourceConfig db = (JdbcSourceConfig) cfg.sources().get(0);
        assertThat(db.include()).containsExactly("accounts.*", "billing.*");
        assertThat(db.sampleRows()).isEqualTo(1000);
        assertThat(db.password()).hasToString("${env:BILLING_DB_PASSWORD}");
        FilesSourceConfig bucket = (FilesSourceConfig) cfg.sources().get(1);
        assertThat(bucket.root()).isEqualTo("s3a://bucket/prefix/");
        assertThat(bucket.s3().pathStyle()).isTrue();
        assertThat(bucket.s3().accessKey()).hasToString("${env:S3_KEY}");
    }

    @Test
    void defaultsSparkMasterSampleRowsAndIncludes() {
        ScanConfig cfg = loader.parse("""
                datamap: /var/datamap
                sources:
                  - {name: share, type: files, root: files}
                  - {name: db, type: jdbc, url: "jdbc:h2:mem:x"}
                """, BASE);
        assertThat(cfg.sparkMaster()).isEqualTo("local[*]");
        assertThat(((FilesSourceConfig) cfg.sources().get(0)).include()).containsExactly("**");
        assertThat(((FilesSourceConfig) cfg.sources().get(0)).root()).isEqualTo("/etc/piimap/files");
        assertThat(((JdbcSourceConfig) cfg.sources().get(1)).sampleRows()).isEqualTo(JdbcSourceConfig.DEFAULT_SAMPLE_ROWS);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown source type      | sources: [{name: a, type: ftp, root: x}]                    | sources[0].type: unknown source type (value: 'ftp'); fix: use one of: jdbc, files
            missing jdbc url         | sources: [{name: a, type: jdbc}]                            | sources[0].url: missing required key; fix: set url: jdbc:postgresql://host:5432/db
            missing type             | sources: [{name: a, root: x}]                               | sources[0].type: missing required key
            misspelt key             | sources: [{name: a, type: files, root: x, inlcude: [a]}]    | sources[0].inlcude: unknown key; fix: remove it or correct the spelling
            negative sample rows     | sources: [{name: a, type: jdbc, url: 'jdbc:x:y', sample-rows: -5}] | sources[0].sample-rows: must be a whole number >= 0 (value: '-5')
            duplicate names          | sources: [{name: a, type: files, root: x}, {name: a, type: files, root: y}] | sources[1].name: duplicate source name
            empty sources            | 'sources: []'                                              | sources: must be a non-empty list
            bad source name          | sources: [{name: 'a b', type: files, root: x}]              | sources[0].name: must be 1-64 letters
            """)
    void rejectsBadConfigWithOneLineNamingKeyAndFix(String label, String sourcesYaml, String expected) {
        String yaml = "datamap: ./dm\n" + sourcesYaml.replace("'sources: []'", "sources: []") + "\n";
        assertThatThrownBy(() -> loader.parse(yaml, BASE))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(expected)
                .hasMessageStartingWith("config error: ")
                .hasMessageNotContaining("\n")
                .hasMessageContaining("fix: ");
    }

    @Test
    void rejectsMissingDatamap() {
        assertThatThrownBy(() -> loader.parse("sources: [{name: a, type: files, root: x}]", BASE))
                .hasMessageContaining("datamap: missing required key");
    }

    @Test
    void rejectsLiteralPasswordWithoutRepeatingIt() {
        assertThatThrownBy(() -> loader.parse("""
                datamap: x
                sources: [{name: a, type: jdbc, url: 'jdbc:x:y', password: hunter2-secret}]
                """, BASE))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sources[0].password: secrets may only be given as references")
                .hasMessageContaining("${env:VARIABLE}")
                .hasMessageNotContaining("hunter2-secret");
    }

    @Test
    void rejectsInvalidYamlNamingTheLine() {
        assertThatThrownBy(() -> loader.parse("datamap: x\nsources: [unclosed\n", BASE))
                .hasMessageContaining("not valid YAML at line");
    }

    @Test
    void readsExtractionLimitsAndSamplesSwitch() {
        ScanConfig cfg = loader.parse("""
                datamap: x
                samples: false
                extraction: {max-chars-per-item: 5000, max-seconds-per-item: 7}
                sources: [{name: a, type: files, root: /data}]
                """, BASE);
        assertThat(cfg.keepSamples()).isFalse();
        assertThat(cfg.limits().maxCharsPerItem()).isEqualTo(5000);
        assertThat(cfg.limits().maxTimePerItem().toSeconds()).isEqualTo(7);
        assertThat(cfg.limits().maxEmbeddedDepth()).isEqualTo(5);
    }

    @Test
    void readsThePerSourceTimeBudgetWhichIsOffByDefaultAndNeverNegative() {
        assertThat(loader.parse("datamap: x\nsources: [{name: a, type: files, root: /data}]\n", BASE).maxTimePerSource())
                .isZero();
        ScanConfig cfg = loader.parse("""
                datamap: x
                extraction: {max-seconds-per-source: 3600}
                sources: [{name: a, type: files, root: /data}]
                """, BASE);
        assertThat(cfg.maxTimePerSource()).hasHours(1);
        assertThat(cfg.withSparkMaster("local[1]").maxTimePerSource()).hasHours(1);

        assertThatThrownBy(() -> loader.parse("""
                datamap: x
                extraction: {max-seconds-per-source: -1}
                sources: [{name: a, type: files, root: /data}]
                """, BASE))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("extraction.max-seconds-per-source: must be a whole number >= 0 (value: '-1')")
                .hasMessageContaining("fix: ");
    }

    @Test
    void ocrIsOnByDefaultAndConfigurable() {
        ScanConfig byDefault = loader.parse("datamap: x\nsources: [{name: a, type: files, root: /data}]\n", BASE);
        assertThat(byDefault.limits().ocr()).isEqualTo(OcrSettings.auto());

        ScanConfig cfg = loader.parse("""
                datamap: x
                extraction: {ocr: auto, ocr-languages: eng+deu, tesseract-path: /opt/tesseract/bin}
                sources: [{name: a, type: files, root: /data}]
                """, BASE);
        assertThat(cfg.limits().ocr()).isEqualTo(new OcrSettings(true, "eng+deu", "/opt/tesseract/bin"));

        ScanConfig off = loader.parse("""
                datamap: x
                extraction: {ocr: off}
                sources: [{name: a, type: files, root: /data}]
                """, BASE);
        assertThat(off.limits().ocr().enabled()).isFalse();
    }

    @Test
    void datamapS3TakesEndpointAndCredentialReferencesForAnS3aDataMapOnly() {
        ScanConfig cfg = loader.parse("""
                datamap: s3a://maps/piimap
                datamap-s3: {endpoint: "http://127.0.0.1:9000", path-style: true, access-key: "${env:K}", secret-key: "${env:S}"}
                sources: [{name: a, type: files, root: /data}]
                """, BASE);
        assertThat(cfg.datamapS3().endpoint()).isEqualTo("http://127.0.0.1:9000");
        assertThat(cfg.datamapS3().secretKey()).hasToString("${env:S}");

        assertThatThrownBy(() -> loader.parse("""
                datamap: ./dm
                datamap-s3: {endpoint: "http://127.0.0.1:9000"}
                sources: [{name: a, type: files, root: /data}]
                """, BASE))
                .hasMessageContaining("datamap-s3: applies only to a data map on s3a://")
                .hasMessageContaining("fix: ");
        assertThatThrownBy(() -> loader.parse("""
                datamap: s3a://maps/piimap
                datamap-s3: {secret-key: plain-secret-value}
                sources: [{name: a, type: files, root: /data}]
                """, BASE))
                .hasMessageContaining("datamap-s3.secret-key")
                .hasMessageNotContaining("plain-secret-value");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad ocr mode      | {ocr: sometimes}           | extraction.ocr: must be auto or off (value: 'sometimes')
            bad ocr languages | {ocr-languages: 'eng; rm'} | extraction.ocr-languages: must be Tesseract language codes
            """)
    void rejectsBadOcrSettingsWithOneLine(String label, String extraction, String expected) {
        assertThatThrownBy(() -> loader.parse("datamap: x\nextraction: " + extraction
                + "\nsources: [{name: a, type: files, root: /data}]\n", BASE))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(expected)
                .hasMessageNotContaining("\n")
                .hasMessageContaining("fix: ");
    }

    @Test
    void jdbcConfigToStringHidesUrlParametersAndUserInfo() {
        JdbcSourceConfig c = new JdbcSourceConfig("db", "jdbc:postgresql://bob:pw@host/app?password=topsecret", "bob",
                SecretRef.parse("${env:PW}"), null, 10);
        assertThat(c.toString()).doesNotContain("topsecret").doesNotContain("bob:pw").contains("${env:PW}");
    }

    @Test
    void secretRefResolvesFilesAndNamesMissingVariables(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path secret = tmp.resolve("pw");
        java.nio.file.Files.writeString(secret, "s3cr3t\n");
        assertThat(SecretRef.parse("${file:" + secret + "}").resolve()).isEqualTo("s3cr3t");
        assertThatThrownBy(() -> SecretRef.parse("${env:PIIMAP_SURELY_UNSET_VAR}").resolve())
                .hasMessageContaining("PIIMAP_SURELY_UNSET_VAR is not set");
        assertThatThrownBy(() -> SecretRef.parse("plain")).hasMessageNotContaining("plain");
    }

    @Test
    void readsTheJdbcGentlenessAndSamplingKeys() {
        ScanConfig cfg = loader.parse("""
                datamap: x
                sources:
                  - {name: a, type: jdbc, url: 'jdbc:mariadb://db:3306/', sampling: tablesample, sample-rows: 500,
                     max-connections: 4, statement-timeout-seconds: 15}
                  - {name: b, type: jdbc, url: 'jdbc:h2:mem:x', sampling: full, partition-rows: 5000}
                """, BASE);

        JdbcSourceConfig a = (JdbcSourceConfig) cfg.sources().get(0);
        assertThat(a.sampling()).isEqualTo(JdbcSourceConfig.Sampling.TABLESAMPLE);
        assertThat(a.sampleRows()).isEqualTo(500);
        assertThat(a.maxConnections()).isEqualTo(4);
        assertThat(a.statementTimeoutSeconds()).isEqualTo(15);
        JdbcSourceConfig b = (JdbcSourceConfig) cfg.sources().get(1);
        assertThat(b.sampling()).isEqualTo(JdbcSourceConfig.Sampling.FULL);
        assertThat(b.sampleRows()).isZero();
        assertThat(b.partitionRows()).isEqualTo(5000);
        assertThat(b.withPartitionRows(0).partitionRows()).isZero();
    }

    @Test
    void defaultsTheJdbcGentlenessAndSamplingKeys() {
        JdbcSourceConfig db = (JdbcSourceConfig) loader.parse("""
                datamap: x
                sources: [{name: a, type: jdbc, url: 'jdbc:postgresql://db/app'}]
                """, BASE).sources().get(0);

        assertThat(db.sampling()).isEqualTo(JdbcSourceConfig.Sampling.AUTO);
        assertThat(db.sampleRows()).isEqualTo(JdbcSourceConfig.DEFAULT_SAMPLE_ROWS);
        assertThat(db.maxConnections()).isEqualTo(2);
        assertThat(db.statementTimeoutSeconds()).isEqualTo(60);
        assertThat(db.partitionRows()).isEqualTo(JdbcSourceConfig.DEFAULT_PARTITION_ROWS).isEqualTo(250_000);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown sampling          | sampling: random                  | sources[0].sampling: unknown sampling (value: 'random'); fix: use one of: auto, tablesample, limit, full
            zero connections          | max-connections: 0                | sources[0].max-connections: must be a whole number >= 1 (value: '0')
            fractional connections    | max-connections: 1.5              | sources[0].max-connections: must be a whole number >= 1 (value: '1.5')
            zero timeout              | statement-timeout-seconds: 0      | sources[0].statement-timeout-seconds: must be a whole number from 1 to 86400 (value: '0')
            timeout as text           | statement-timeout-seconds: soon   | sources[0].statement-timeout-seconds: must be a whole number from 1 to 86400 (value: 'soon')
            full with sample rows     | 'sampling: full, sample-rows: 10' | sources[0].sample-rows: contradicts sampling: full, which reads every row (value: '10')
            negative partition rows   | partition-rows: -1                | sources[0].partition-rows: must be a whole number >= 0 (value: '-1'); fix: write the rows per key range of a table read in full, e.g. 250000 (the default), or 0 to read each table in one task
            partition rows as text    | partition-rows: many              | sources[0].partition-rows: must be a whole number >= 0 (value: 'many')
            """)
    void rejectsBadJdbcGentlenessAndSamplingKeys(String label, String keys, String expected) {
        String yaml = "datamap: x\nsources: [{name: a, type: jdbc, url: 'jdbc:x:y', " + keys.replace("'", "") + "}]\n";
        assertThatThrownBy(() -> loader.parse(yaml, BASE))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(expected)
                .hasMessageNotContaining("\n")
                .hasMessageContaining("fix: ");
    }

    @Test
    void jdbcConfigNormalizesFullSamplingAndZeroSampleRowsToEachOther() {
        JdbcSourceConfig zeroRows = new JdbcSourceConfig("db", "jdbc:x:y", null, null, null, 0);
        JdbcSourceConfig full = new JdbcSourceConfig("db", "jdbc:x:y", null, null, null, 1000,
                JdbcSourceConfig.Sampling.FULL, 2, 60);

        assertThat(zeroRows.sampling()).isEqualTo(JdbcSourceConfig.Sampling.FULL);
        assertThat(full.sampleRows()).isZero();
        assertThatThrownBy(() -> new JdbcSourceConfig("db", "jdbc:x:y", null, null, null, 10,
                JdbcSourceConfig.Sampling.AUTO, 0, 60)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jdbcConfigHidesSemicolonParametersToo() {
        JdbcSourceConfig c = new JdbcSourceConfig("db", "jdbc:sqlserver://host:1433;databaseName=app;password=topsecret",
                null, null, null, 10);
        assertThat(c.redactedUrl()).isEqualTo("jdbc:sqlserver://host:1433;…");
        assertThat(c.toString()).doesNotContain("topsecret").contains("maxConnections=2", "statementTimeoutSeconds=60",
                "sampling=auto");
    }

    @Test
    void readsTheJdbcChangeDetectionKey() {
        ScanConfig cfg = loader.parse("""
                datamap: x
                sources:
                  - {name: a, type: jdbc, url: 'jdbc:postgresql://db/app'}
                  - {name: b, type: jdbc, url: 'jdbc:postgresql://db/app', change-detection: {column: updated_at}}
                  - {name: c, type: jdbc, url: 'jdbc:mariadb://db:3306/', change-detection: checksum}
                  - {name: d, type: jdbc, url: 'jdbc:h2:mem:x', change-detection: none}
                  - {name: e, type: jdbc, url: 'jdbc:h2:mem:x', change-detection: stats}
                """, BASE);

        assertThat(cfg.sources()).extracting(s -> ((JdbcSourceConfig) s).changeDetection().toString())
                .containsExactly("stats", "{column: updated_at}", "checksum", "none", "stats");
        assertThat(((JdbcSourceConfig) cfg.sources().get(1)).changeDetection().column()).isEqualTo("updated_at");
        assertThat(cfg.sources().get(1).toString()).contains("changeDetection={column: updated_at}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown mode        | change-detection: mtime                          | sources[0].change-detection: must be stats, checksum, none or {column: NAME} (value: 'mtime'); fix: write change-detection: stats
            a list              | 'change-detection: [stats]'                      | sources[0].change-detection: must be stats, checksum, none or {column: NAME}; fix:
            unknown inner key   | 'change-detection: {col: updated_at}'            | sources[0].change-detection.col: unknown key; fix: remove it or correct the spelling; known keys here: column
            blank column        | 'change-detection: {column: ""}'               | sources[0].change-detection.column: must name a column (value: ''); fix: write change-detection: {column: updated_at}
            column not text     | 'change-detection: {column: [a]}'                | sources[0].change-detection.column: must name a column; fix:
            checksum on h2      | change-detection: checksum                       | sources[0].change-detection: needs MariaDB or MySQL (CHECKSUM TABLE); this source's url is not jdbc:mariadb: or jdbc:mysql: (value: 'checksum'); fix: use change-detection: stats, or {column: updated_at}
            """)
    void rejectsBadChangeDetection(String label, String keys, String expected) {
        String yaml = "datamap: x\nsources: [{name: a, type: jdbc, url: 'jdbc:h2:mem:x', " + keys.replace("'", "") + "}]\n";
        assertThatThrownBy(() -> loader.parse(yaml, BASE))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(expected)
                .hasMessageNotContaining("\n");
    }
}
