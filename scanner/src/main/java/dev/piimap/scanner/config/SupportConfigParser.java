package dev.piimap.scanner.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one {@code type: support} entry of {@code sources:} into a {@link SupportSourceConfig}, with the
 * same rules as the rest of scan.yaml: unknown keys are errors, every error is one line naming the key
 * path, the value (never a secret's) and the fix.
 */
final class SupportConfigParser {
    static final Set<String> SUPPORT_KEYS = Set.of("name", "type", "tickets", "export", "mailboxes", "attachments-root",
            "s3", "fingerprint-key", "batch-size");
    static final Set<String> DATABASE_KEYS = Set.of("url", "user", "password", "table", "columns", "attachments",
            "max-connections", "statement-timeout-seconds");
    static final Set<String> TICKET_COLUMN_KEYS = Set.of("id", "requester", "subject", "body", "created");
    static final Set<String> ATTACHMENTS_KEYS = Set.of("table", "columns");
    static final Set<String> ATTACHMENT_COLUMN_KEYS = Set.of("ticket-id", "file-name", "key");
    static final List<String> LAYOUT_KEYS = List.of("tickets", "export", "mailboxes");
    /** {@code table} or {@code schema.table}: one dot at most, no quotes (names are quoted by the scanner). */
    private static final Pattern TABLE = Pattern.compile("[^.\"`\\s]+(\\.[^.\"`\\s]+)?");
    private static final Pattern COLUMN = Pattern.compile("[^.\"`\\s]+");

    private SupportConfigParser() {
    }

    /**
     * @param topLevelKey the top-level {@code fingerprint-key}, or null; a source's own key overrides it
     */
    static SupportSourceConfig parse(JsonNode node, String path, String name, Path baseDir, SecretRef topLevelKey) {
        ScanConfigLoader.checkKeys(node, path + ".", SUPPORT_KEYS);
        List<String> given = LAYOUT_KEYS.stream().filter(node::hasNonNull).toList();
        if (given.size() != 1) {
            throw ConfigException.invalid(path, given.isEmpty() ? null : String.join(", ", given),
                    "a support source needs exactly one of tickets, export, mailboxes",
                    "keep one: tickets: {url: ..., table: ...} (a database), export: ./folder (a helpdesk export)"
                            + " or mailboxes: ./folder (.mbox/.eml files)");
        }
        String layoutKey = given.get(0);
        String p = path + "." + layoutKey;
        SupportSourceConfig.Layout layout = switch (layoutKey) {
            case "tickets" -> database(node.get("tickets"), p);
            case "export" -> new SupportSourceConfig.Export(ScanConfigLoader.resolvePath(
                    folder(node, "export", p, "write export: ./helpdesk-export (the folder holding tickets.json)"), baseDir));
            default -> new SupportSourceConfig.Mailboxes(ScanConfigLoader.resolvePath(
                    folder(node, "mailboxes", p, "write mailboxes: ./mail (a folder of .mbox and .eml files)"), baseDir));
        };
        String attachmentsRoot = null;
        if (node.hasNonNull("attachments-root")) {
            if (layout instanceof SupportSourceConfig.Mailboxes) {
                throw ConfigException.invalid(path + ".attachments-root", node.get("attachments-root").asText(),
                        "mailboxes carry their attachments inside the messages", "remove attachments-root");
            }
            attachmentsRoot = ScanConfigLoader.resolvePath(ScanConfigLoader.requiredText(node, "attachments-root", path + ".attachments-root",
                    "write attachments-root: ./attachments, file:///path or s3a://bucket/prefix/"), baseDir);
        } else if (layout instanceof SupportSourceConfig.Export export) {
            attachmentsRoot = export.folder();
        } else if (layout instanceof SupportSourceConfig.Database db && db.attachmentTable() != null) {
            throw ConfigException.missing(path + ".attachments-root",
                    "write attachments-root: (a folder or s3a://bucket/prefix/) under which the attachments' keys resolve");
        }
        FilesSourceConfig.S3Options s3 = ScanConfigLoader.parseS3Options(node.get("s3"), path + ".s3");
        if (s3 != null && (attachmentsRoot == null || !attachmentsRoot.matches("(?i)s3a?://.*"))) {
            throw ConfigException.invalid(path + ".s3", null, "is set but attachments-root is not an s3a:// root",
                    "remove s3:, or set attachments-root: s3a://bucket/prefix/");
        }
        SecretRef key = ScanConfigLoader.optionalSecret(node, "fingerprint-key", path + ".fingerprint-key");
        int batchSize = integer(node, "batch-size", path + ".batch-size", SupportSourceConfig.DEFAULT_BATCH_SIZE, 1,
                SupportSourceConfig.MAX_BATCH_SIZE, "write the tickets per scan item, e.g. 1000 (the default)");
        return new SupportSourceConfig(name, layout, attachmentsRoot, s3, key != null ? key : topLevelKey, batchSize);
    }

    private static SupportSourceConfig.Database database(JsonNode node, String path) {
        ScanConfigLoader.requireObject(node, path, "write tickets: {url: jdbc:postgresql://host/db, table: support.tickets, ...}");
        ScanConfigLoader.checkKeys(node, path + ".", DATABASE_KEYS);
        String url = ScanConfigLoader.requiredText(node, "url", path + ".url", "set url: jdbc:postgresql://host:5432/helpdesk");
        if (!url.startsWith("jdbc:")) {
            throw ConfigException.invalid(path + ".url",
                    new JdbcSourceConfig("support", url, null, null, List.of(), 0).redactedUrl(),
                    "is not a JDBC URL", "write a URL starting with jdbc:, e.g. jdbc:postgresql://host:5432/helpdesk");
        }
        String user = node.hasNonNull("user") ? ScanConfigLoader.requiredText(node, "user", path + ".user", "write user: scanner") : null;
        SecretRef password = ScanConfigLoader.optionalSecret(node, "password", path + ".password");
        String table = table(node, "table", path + ".table", "write table: support.tickets (schema.table or table)");
        SupportSourceConfig.TicketColumns d = SupportSourceConfig.TicketColumns.DEFAULTS;
        JsonNode columns = node.get("columns");
        SupportSourceConfig.TicketColumns ticketColumns = d;
        if (columns != null && !columns.isNull()) {
            String c = path + ".columns";
            ScanConfigLoader.requireObject(columns, c, "write columns: {id: id, requester: requester_email, subject: subject, body: body,"
                    + " created: created_at}");
            ScanConfigLoader.checkKeys(columns, c + ".", TICKET_COLUMN_KEYS);
            ticketColumns = new SupportSourceConfig.TicketColumns(column(columns, "id", c, d.id()),
                    column(columns, "requester", c, d.requester()), column(columns, "subject", c, d.subject()),
                    column(columns, "body", c, d.body()), column(columns, "created", c, d.created()));
        }
        String attachmentTable = null;
        SupportSourceConfig.AttachmentColumns attachmentColumns = null;
        JsonNode attachments = node.get("attachments");
        if (attachments != null && !attachments.isNull()) {
            String a = path + ".attachments";
            ScanConfigLoader.requireObject(attachments, a, "write attachments: {table: support.ticket_attachments, columns: {...}}");
            ScanConfigLoader.checkKeys(attachments, a + ".", ATTACHMENTS_KEYS);
            attachmentTable = table(attachments, "table", a + ".table", "write table: support.ticket_attachments");
            SupportSourceConfig.AttachmentColumns ad = SupportSourceConfig.AttachmentColumns.DEFAULTS;
            attachmentColumns = ad;
            JsonNode ac = attachments.get("columns");
            if (ac != null && !ac.isNull()) {
                String c = a + ".columns";
                ScanConfigLoader.requireObject(ac, c, "write columns: {ticket-id: ticket_id, file-name: file_name, key: object_key}");
                ScanConfigLoader.checkKeys(ac, c + ".", ATTACHMENT_COLUMN_KEYS);
                attachmentColumns = new SupportSourceConfig.AttachmentColumns(column(ac, "ticket-id", c, ad.ticketId()),
                        column(ac, "file-name", c, ad.fileName()), column(ac, "key", c, ad.key()));
            }
        }
        int maxConnections = integer(node, "max-connections", path + ".max-connections",
                SupportSourceConfig.Database.DEFAULT_MAX_CONNECTIONS, 1, 1000,
                "write how many connections (and tasks) this source may use at once, e.g. 4");
        int timeout = integer(node, "statement-timeout-seconds", path + ".statement-timeout-seconds",
                JdbcSourceConfig.DEFAULT_STATEMENT_TIMEOUT_SECONDS, 1, JdbcSourceConfig.MAX_STATEMENT_TIMEOUT_SECONDS,
                "write the seconds one statement may run, e.g. 60 (the default)");
        return new SupportSourceConfig.Database(url, user, password, table, ticketColumns, attachmentTable,
                attachmentColumns, maxConnections, timeout);
    }

    private static String folder(JsonNode node, String key, String path, String fix) {
        return ScanConfigLoader.requiredText(node, key, path, fix);
    }

    private static String table(JsonNode node, String key, String path, String fix) {
        String value = ScanConfigLoader.requiredText(node, key, path, fix);
        if (!TABLE.matcher(value).matches()) {
            throw ConfigException.invalid(path, value, "must be table or schema.table without quotes or spaces", fix);
        }
        return value;
    }

    private static String column(JsonNode node, String key, String path, String fallback) {
        if (!node.has(key) || node.get(key).isNull()) {
            return fallback;
        }
        String value = ScanConfigLoader.requiredText(node, key, path + "." + key, "write " + key + ": <column name>");
        if (!COLUMN.matcher(value).matches()) {
            throw ConfigException.invalid(path + "." + key, value, "must be a column name without dots, quotes or spaces",
                    "write the column's plain name, e.g. " + fallback);
        }
        return value;
    }

    private static int integer(JsonNode parent, String key, String path, int fallback, int min, int max, String fix) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < min || n.intValue() > max) {
            throw ConfigException.invalid(path, n.asText(), "must be a whole number from " + min + " to " + max, fix);
        }
        return n.intValue();
    }

}
