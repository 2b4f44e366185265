package dev.piimap.scanner.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.piimap.scanner.extract.ExtractionLimits;
import dev.piimap.scanner.extract.OcrSettings;
import dev.piimap.scanner.s3a.DataMapStorage;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads scan.yaml into a {@link ScanConfig}. Every problem is a {@link ConfigException} naming the
 * key path (e.g. {@code sources[1].sample-rows}), the value and the fix. Unknown keys are errors, so a
 * misspelt key never silently falls back to a default. Relative paths ({@code datamap}, a files
 * {@code root}) are resolved against the directory of the config file.
 */
public final class ScanConfigLoader {
    static final Set<String> TOP_KEYS = Set.of("datamap", "datamap-s3", "spark", "sources", "extraction", "samples",
            "detectors", "fingerprint-key");
    static final Set<String> SPARK_KEYS = Set.of("master");
    static final Set<String> JDBC_KEYS = Set.of("name", "type", "url", "user", "password", "include", "sample-rows",
            "sampling", "max-connections", "statement-timeout-seconds", "change-detection", "row-dates", "date-columns", "partition-rows");
    static final Set<String> FILES_KEYS = Set.of("name", "type", "root", "include", "s3");
    static final Set<String> S3_KEYS = Set.of("endpoint", "path-style", "access-key", "secret-key", "region");
    static final Set<String> EXTRACTION_KEYS = Set.of("max-embedded-depth", "max-embedded-count", "max-chars-per-item",
            "max-bytes-per-item", "max-zip-ratio", "max-xml-depth", "max-seconds-per-item", "max-seconds-per-source", "ocr", "ocr-languages",
            "tesseract-path");
    static final List<String> SOURCE_TYPES = List.of("jdbc", "files", "support");
    private static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    /** Loads and validates the file. */
    public ScanConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw ConfigException.invalid("--config", file, "file not found", "pass the path of an existing scan.yaml");
        } catch (IOException e) {
            throw ConfigException.invalid("--config", file, "cannot be read (" + e.getClass().getSimpleName() + ")",
                    "check the file's permissions");
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(text, base);
    }

    /** Parses config text; relative paths are resolved against {@code baseDir}. */
    public ScanConfig parse(String text, Path baseDir) {
        JsonNode root;
        try {
            root = yaml.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw ConfigException.invalid("(file)", null, "not valid YAML" + where, "fix the YAML syntax");
        }
        if (root == null || !root.isObject()) {
            throw ConfigException.invalid("(file)", null, "must be a YAML mapping with keys datamap and sources",
                    "start from the example in the README");
        }
        checkKeys(root, "", TOP_KEYS);
        String datamap = resolvePath(requiredText(root, "datamap", "datamap", "set datamap: ./datamap (a path or a file:/s3a: URI)"), baseDir);
        String master = ScanConfig.DEFAULT_SPARK_MASTER;
        JsonNode spark = root.get("spark");
        if (spark != null && !spark.isNull()) {
            requireObject(spark, "spark", "write spark: {master: local[*]}");
            checkKeys(spark, "spark.", SPARK_KEYS);
            if (spark.hasNonNull("master")) {
                master = requiredText(spark, "master", "spark.master", "write a Spark master URL such as local[*] or spark://host:7077");
            }
        }
        JsonNode sourcesNode = root.get("sources");
        if (sourcesNode == null || sourcesNode.isNull()) {
            throw ConfigException.missing("sources", "list at least one source under sources: (type jdbc or files)");
        }
        if (!sourcesNode.isArray() || sourcesNode.isEmpty()) {
            throw ConfigException.invalid("sources", null, "must be a non-empty list", "list at least one source, each starting with '- name:'");
        }
        List<SourceConfig> sources = new ArrayList<>();
        Set<String> names = new HashSet<>();
        SecretRef fingerprintKey = optionalSecret(root, "fingerprint-key", "fingerprint-key");
        for (int i = 0; i < sourcesNode.size(); i++) {
            SourceConfig source = parseSource(sourcesNode.get(i), "sources[" + i + "]", baseDir, fingerprintKey);
            if (!names.add(source.name())) {
                throw ConfigException.invalid("sources[" + i + "].name", source.name(), "duplicate source name",
                        "give every source a unique name");
            }
            sources.add(source);
        }
        ExtractionLimits limits = parseLimits(root.get("extraction"), baseDir);
        boolean samples = true;
        if (root.has("samples")) {
            JsonNode s = root.get("samples");
            if (!s.isBoolean()) {
                throw ConfigException.invalid("samples", s.asText(), "must be true or false", "write samples: true (masked samples) or samples: false");
            }
            samples = s.booleanValue();
        }
        CustomDetectors detectors = CustomDetectors.none();
        if (root.hasNonNull("detectors")) {
            String folder = resolvePath(requiredText(root, "detectors", "detectors", "name a folder of detector specs, e.g. detectors: ./detectors"), baseDir);
            detectors = CustomDetectors.load(Path.of(folder), "detectors");
        }
        FilesSourceConfig.S3Options datamapS3 = parseS3Options(root.get("datamap-s3"), "datamap-s3");
        if (datamapS3 != null && !DataMapStorage.isS3(datamap)) {
            throw ConfigException.invalid("datamap-s3", null, "applies only to a data map on s3a://",
                    "remove datamap-s3, or set datamap: s3a://bucket/prefix");
        }
        JsonNode extraction = root.get("extraction");
        Duration perSource = extraction == null || !extraction.isObject() ? Duration.ZERO
                : Duration.ofSeconds(positive(extraction, "max-seconds-per-source", 0, 0));
        return new ScanConfig(datamap, master, sources, limits, samples, detectors, datamapS3, fingerprintKey, perSource);
    }

    private SourceConfig parseSource(JsonNode node, String path, Path baseDir, SecretRef fingerprintKey) {
        requireObject(node, path, "each source is a mapping with at least name and type");
        String name = requiredText(node, "name", path + ".name", "give the source a unique name such as billing-db");
        if (!SOURCE_NAME.matcher(name).matches()) {
            throw ConfigException.invalid(path + ".name", name, "must be 1-64 letters, digits, '.', '_' or '-'",
                    "rename the source, e.g. billing-db");
        }
        String type = requiredText(node, "type", path + ".type", "set type to one of " + String.join(", ", SOURCE_TYPES));
        return switch (type) {
            case "jdbc" -> parseJdbc(node, path, name);
            case "files" -> parseFiles(node, path, name, baseDir);
            case "support" -> SupportConfigParser.parse(node, path, name, baseDir, fingerprintKey);
            default -> throw ConfigException.invalid(path + ".type", type, "unknown source type",
                    "use one of: " + String.join(", ", SOURCE_TYPES));
        };
    }

    private JdbcSourceConfig parseJdbc(JsonNode node, String path, String name) {
        checkKeys(node, path + ".", JDBC_KEYS);
        String url = requiredText(node, "url", path + ".url", "set url: jdbc:postgresql://host:5432/db");
        if (!url.startsWith("jdbc:")) {
            throw ConfigException.invalid(path + ".url", new JdbcSourceConfig(name, url, null, null, List.of(), 0).redactedUrl(),
                    "is not a JDBC URL", "write a URL starting with jdbc:, e.g. jdbc:postgresql://host:5432/db");
        }
        String user = optionalText(node, "user", path + ".user");
        SecretRef password = optionalSecret(node, "password", path + ".password");
        List<String> include = stringList(node, "include", path + ".include");
        int sampleRows = jdbcInt(node, "sample-rows", path, JdbcSourceConfig.DEFAULT_SAMPLE_ROWS, 0, Integer.MAX_VALUE,
                "write the rows to read per table, or 0 to read every row");
        JdbcSourceConfig.Sampling sampling = JdbcSourceConfig.DEFAULT_SAMPLING;
        String samplingText = optionalText(node, "sampling", path + ".sampling");
        if (samplingText != null) {
            try {
                sampling = JdbcSourceConfig.Sampling.parse(samplingText);
            } catch (IllegalArgumentException e) {
                throw ConfigException.invalid(path + ".sampling", samplingText, "unknown sampling",
                        "use one of: auto, tablesample, limit, full");
            }
        }
        if (sampling == JdbcSourceConfig.Sampling.FULL && node.has("sample-rows") && sampleRows > 0) {
            throw ConfigException.invalid(path + ".sample-rows", sampleRows, "contradicts sampling: full, which reads every row",
                    "remove sample-rows, or choose sampling: auto to read " + sampleRows + " rows per table");
        }
        int maxConnections = jdbcInt(node, "max-connections", path, JdbcSourceConfig.DEFAULT_MAX_CONNECTIONS, 1,
                Integer.MAX_VALUE, "write how many connections the scan may open to this database at once, e.g. 2");
        int timeout = jdbcInt(node, "statement-timeout-seconds", path, JdbcSourceConfig.DEFAULT_STATEMENT_TIMEOUT_SECONDS, 1,
                JdbcSourceConfig.MAX_STATEMENT_TIMEOUT_SECONDS, "write the seconds one statement may run, e.g. 60 (the default)");
        int partitionRows = jdbcInt(node, "partition-rows", path, JdbcSourceConfig.DEFAULT_PARTITION_ROWS, 0,
                Integer.MAX_VALUE, "write the rows per key range of a table read in full, e.g. 250000 (the default),"
                        + " or 0 to read each table in one task");
        return new JdbcSourceConfig(name, url, user, password, include, sampleRows, sampling, maxConnections, timeout,
                changeDetection(node.get("change-detection"), path + ".change-detection", url), rowDating(node, path),
                partitionRows);
    }

    static final String ROW_DATES_FIX = "write row-dates: sample (the default: days of the rows read), count (exact"
            + " counts, one grouped query per table) or off";

    /** {@code row-dates: off|sample|count} and {@code date-columns: [NAME, ...]}. */
    private static JdbcSourceConfig.RowDating rowDating(JsonNode node, String path) {
        JdbcSourceConfig.RowDating.Mode mode = JdbcSourceConfig.RowDating.DEFAULT.mode();
        JsonNode modeNode = node.get("row-dates");
        if (modeNode != null && !modeNode.isNull()) {
            // YAML 1.1 reads a bare off as false.
            String text = modeNode.isBoolean() && !modeNode.booleanValue() ? "off"
                    : modeNode.isTextual() ? modeNode.textValue().trim() : null;
            try {
                mode = JdbcSourceConfig.RowDating.Mode.parse(text);
            } catch (IllegalArgumentException e) {
                throw ConfigException.invalid(path + ".row-dates", modeNode.isValueNode() ? modeNode.asText() : null,
                        "must be off, sample or count", ROW_DATES_FIX);
            }
        }
        JsonNode columnsNode = node.get("date-columns");
        if (columnsNode == null || columnsNode.isNull()) {
            return new JdbcSourceConfig.RowDating(mode, List.of());
        }
        String columnsPath = path + ".date-columns";
        if (!columnsNode.isArray() || columnsNode.isEmpty()) {
            throw ConfigException.invalid(columnsPath, columnsNode.isValueNode() ? columnsNode.asText() : null,
                    "must be a non-empty list of column names",
                    "write date-columns: [created_at], or remove it to let piimap choose the column");
        }
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < columnsNode.size(); i++) {
            JsonNode c = columnsNode.get(i);
            if (!c.isTextual() || c.textValue().isBlank()) {
                throw ConfigException.invalid(columnsPath + "[" + i + "]", c.isValueNode() ? c.asText() : null,
                        "must be a column name", "write date-columns: [created_at, inserted_at]");
            }
            columns.add(c.textValue().trim());
        }
        if (mode == JdbcSourceConfig.RowDating.Mode.OFF) {
            throw ConfigException.invalid(columnsPath, String.join(", ", columns), "has no effect with row-dates: off",
                    "remove date-columns, or set row-dates: sample or count");
        }
        return new JdbcSourceConfig.RowDating(mode, columns);
    }

    static final String CHANGE_DETECTION_FIX = "write change-detection: stats (the default), checksum (MariaDB/MySQL), "
            + "none, or {column: updated_at}";

    /** {@code change-detection}: {@code stats} | {@code checksum} | {@code none} | {@code {column: NAME}}. */
    private static JdbcSourceConfig.ChangeDetection changeDetection(JsonNode n, String path, String url) {
        if (n == null || n.isNull()) {
            return JdbcSourceConfig.ChangeDetection.STATS;
        }
        if (n.isObject()) {
            checkKeys(n, path + ".", Set.of("column"));
            JsonNode column = n.get("column");
            if (column == null || !column.isTextual() || column.textValue().isBlank()) {
                throw ConfigException.invalid(path + ".column", column == null || !column.isValueNode() ? null : column.asText(),
                        "must name a column", "write change-detection: {column: updated_at}");
            }
            return JdbcSourceConfig.ChangeDetection.column(column.textValue().trim());
        }
        String text = n.isTextual() ? n.textValue().trim() : null;
        if ("stats".equals(text)) {
            return JdbcSourceConfig.ChangeDetection.STATS;
        }
        if ("none".equals(text)) {
            return new JdbcSourceConfig.ChangeDetection(JdbcSourceConfig.ChangeDetection.Mode.NONE, null);
        }
        if ("checksum".equals(text)) {
            String u = url.toLowerCase(java.util.Locale.ROOT);
            if (!u.startsWith("jdbc:mariadb:") && !u.startsWith("jdbc:mysql:")) {
                throw ConfigException.invalid(path, text, "needs MariaDB or MySQL (CHECKSUM TABLE); this source's url is not jdbc:mariadb: or jdbc:mysql:",
                        "use change-detection: stats, or {column: updated_at}");
            }
            return new JdbcSourceConfig.ChangeDetection(JdbcSourceConfig.ChangeDetection.Mode.CHECKSUM, null);
        }
        throw ConfigException.invalid(path, n.isValueNode() ? n.asText() : null,
                "must be stats, checksum, none or {column: NAME}", CHANGE_DETECTION_FIX);
    }

    /** An optional whole-number key of a jdbc source within [min, max]. */
    private static int jdbcInt(JsonNode parent, String key, String path, int fallback, int min, int max, String fix) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < min || n.intValue() > max) {
            String range = max == Integer.MAX_VALUE ? ">= " + min : "from " + min + " to " + max;
            throw ConfigException.invalid(path + "." + key, n.asText(), "must be a whole number " + range, fix);
        }
        return n.intValue();
    }

    private FilesSourceConfig parseFiles(JsonNode node, String path, String name, Path baseDir) {
        checkKeys(node, path + ".", FILES_KEYS);
        String root = requiredText(node, "root", path + ".root", "set root: to a folder, file:///path or s3a://bucket/prefix/");
        List<String> include = stringList(node, "include", path + ".include");
        FilesSourceConfig.S3Options s3 = parseS3Options(node.get("s3"), path + ".s3");
        return new FilesSourceConfig(name, resolvePath(root, baseDir), include, s3);
    }

    /** An {@code s3:} mapping (files sources) or {@code datamap-s3:}; null when absent. */
    static FilesSourceConfig.S3Options parseS3Options(JsonNode s3Node, String p) {
        if (s3Node == null || s3Node.isNull()) {
            return null;
        }
        requireObject(s3Node, p, "write " + p.substring(p.lastIndexOf('.') + 1)
                + ": {endpoint: ..., access-key: ${env:S3_KEY}, secret-key: ${env:S3_SECRET}}");
        checkKeys(s3Node, p + ".", S3_KEYS);
        boolean pathStyle = false;
        if (s3Node.has("path-style")) {
            if (!s3Node.get("path-style").isBoolean()) {
                throw ConfigException.invalid(p + ".path-style", s3Node.get("path-style").asText(), "must be true or false",
                        "write path-style: true for MinIO/s3proxy-style servers");
            }
            pathStyle = s3Node.get("path-style").booleanValue();
        }
        return new FilesSourceConfig.S3Options(optionalText(s3Node, "endpoint", p + ".endpoint"), pathStyle,
                optionalSecret(s3Node, "access-key", p + ".access-key"),
                optionalSecret(s3Node, "secret-key", p + ".secret-key"),
                optionalText(s3Node, "region", p + ".region"));
    }

    private ExtractionLimits parseLimits(JsonNode node, Path baseDir) {
        ExtractionLimits d = ExtractionLimits.defaults();
        if (node == null || node.isNull()) {
            return d;
        }
        requireObject(node, "extraction", "write extraction: {max-chars-per-item: 10000000, ...}");
        checkKeys(node, "extraction.", EXTRACTION_KEYS);
        return new ExtractionLimits(
                (int) positive(node, "max-embedded-depth", d.maxEmbeddedDepth(), 0),
                (int) positive(node, "max-embedded-count", d.maxEmbeddedCount(), 0),
                positive(node, "max-chars-per-item", d.maxCharsPerItem(), 1),
                positive(node, "max-bytes-per-item", d.maxBytesPerItem(), 1),
                positive(node, "max-zip-ratio", d.maxZipRatio(), 1),
                (int) positive(node, "max-xml-depth", d.maxXmlDepth(), 1),
                Duration.ofSeconds(positive(node, "max-seconds-per-item", d.maxTimePerItem().toSeconds(), 1)),
                parseOcr(node, baseDir));
    }

    /** {@code ocr: auto|off}, {@code ocr-languages: eng+deu}, {@code tesseract-path: /opt/tesseract/bin}. */
    private OcrSettings parseOcr(JsonNode node, Path baseDir) {
        OcrSettings d = OcrSettings.auto();
        boolean enabled = d.enabled();
        JsonNode mode = node.get("ocr");
        if (mode != null && !mode.isNull()) {
            // YAML reads a bare off/no as false.
            String value = mode.isBoolean() ? (mode.booleanValue() ? "auto" : "off") : mode.asText().trim();
            if (!value.equals("auto") && !value.equals("off")) {
                throw ConfigException.invalid("extraction.ocr", value, "must be auto or off",
                        "write auto (OCR images and scanned PDFs when Tesseract is installed) or off");
            }
            enabled = value.equals("auto");
        }
        String languages = d.languages();
        JsonNode langs = node.get("ocr-languages");
        if (langs != null && !langs.isNull()) {
            languages = langs.asText().trim();
            if (!langs.isValueNode() || !languages.matches("[A-Za-z0-9_]+(\\+[A-Za-z0-9_]+)*")) {
                throw ConfigException.invalid("extraction.ocr-languages", langs.isValueNode() ? languages : null,
                        "must be Tesseract language codes joined with '+'",
                        "write e.g. eng or eng+deu (installed ones: tesseract --list-langs)");
            }
        }
        String path = optionalText(node, "tesseract-path", "extraction.tesseract-path");
        return new OcrSettings(enabled, languages, path == null ? null : resolvePath(path, baseDir));
    }

    private static long positive(JsonNode parent, String key, long fallback, long min) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isIntegralNumber() || n.longValue() < min || n.longValue() > Integer.MAX_VALUE * 1024L) {
            throw ConfigException.invalid("extraction." + key, n.asText(), "must be a whole number >= " + min,
                    "write a number such as " + fallback + " (the default)");
        }
        return n.longValue();
    }

    static void checkKeys(JsonNode node, String prefix, Set<String> known) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            String key = it.next().getKey();
            if (!known.contains(key)) {
                throw ConfigException.invalid(prefix + key, null, "unknown key",
                        "remove it or correct the spelling; known keys here: " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    static void requireObject(JsonNode node, String path, String fix) {
        if (!node.isObject()) {
            throw ConfigException.invalid(path, null, "must be a mapping", fix);
        }
    }

    static String requiredText(JsonNode parent, String key, String path, String fix) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull() || (n.isTextual() && n.textValue().isBlank())) {
            throw ConfigException.missing(path, fix);
        }
        if (!n.isValueNode() || n.isBoolean()) {
            throw ConfigException.invalid(path, null, "must be a text value", fix);
        }
        return n.asText().trim();
    }

    private static String optionalText(JsonNode parent, String key, String path) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isValueNode()) {
            throw ConfigException.invalid(path, null, "must be a text value", "write a plain value");
        }
        return n.asText().trim();
    }

    static SecretRef optionalSecret(JsonNode parent, String key, String path) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual() || !SecretRef.isReference(n.textValue())) {
            throw ConfigException.invalidSecret(path, "secrets may only be given as references",
                    "write " + key + ": ${env:VARIABLE} or " + key + ": ${file:/path/to/secret}");
        }
        return SecretRef.parse(n.textValue());
    }

    private static List<String> stringList(JsonNode parent, String key, String path) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (n.isTextual()) {
            return List.of(n.textValue());
        }
        if (!n.isArray()) {
            throw ConfigException.invalid(path, null, "must be a list of globs", "write " + key + ": [\"schema.*\"]");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            if (!n.get(i).isTextual() || n.get(i).textValue().isBlank()) {
                throw ConfigException.invalid(path + "[" + i + "]", n.get(i).asText(), "must be a non-empty text glob",
                        "quote the glob, e.g. \"billing.*\"");
            }
            out.add(n.get(i).textValue());
        }
        return out;
    }

    /** Plain relative paths are taken relative to the config file; URIs (scheme:) are kept as written. */
    static String resolvePath(String value, Path baseDir) {
        if (value.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") && !value.matches("^[A-Za-z]:[\\\\/].*")) {
            if (value.startsWith("file:") && !value.startsWith("file:/")) {
                return baseDir.resolve(value.substring("file:".length())).normalize().toString();
            }
            return value.startsWith("file:") ? Path.of(URI.create(value)).toString() : value;
        }
        Path p = Path.of(value);
        return (p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p)).normalize().toString();
    }
}
