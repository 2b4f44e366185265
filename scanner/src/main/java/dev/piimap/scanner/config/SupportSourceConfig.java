package dev.piimap.scanner.config;

import dev.piimap.scanner.source.SourceConnector;
import dev.piimap.scanner.source.support.SupportConnector;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * {@code type: support}: support tickets and their attachments, in exactly one of three layouts
 * ({@link Database} under {@code tickets:}, {@link Export} under {@code export:}, {@link Mailboxes} under
 * {@code mailboxes:}). Attachments of a database resolve under {@code attachments-root} (a folder or an
 * {@code s3a://} prefix, with the {@code s3:} options of a files source); those of an export under the
 * export folder unless {@code attachments-root} says otherwise; mail attachments are inside the messages.
 *
 * @param attachmentsRoot where attachment keys resolve, or null (mailboxes; a database without attachments)
 * @param s3              the {@code s3:} options for an object-store attachments root, or null
 * @param fingerprintKey  the HMAC key for requester links ({@code fingerprint-key} of the source, else the
 *                        top-level one), or null: then assets carry the ticket link only
 * @param batchSize       tickets (or mbox messages) per scan item
 */
public record SupportSourceConfig(String name, Layout layout, String attachmentsRoot, FilesSourceConfig.S3Options s3,
                                  SecretRef fingerprintKey, int batchSize) implements SourceConfig {
    public static final int DEFAULT_BATCH_SIZE = 1000;
    public static final int MAX_BATCH_SIZE = 100_000;

    public SupportSourceConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(layout, "layout");
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batchSize must be 1.." + MAX_BATCH_SIZE + ", was " + batchSize);
        }
    }

    @Override
    public String type() {
        return "support";
    }

    @Override
    public SourceConnector connector() {
        return new SupportConnector(this);
    }

    /** The files source that reads attachments: its root is {@link #attachmentsRoot()}. */
    public FilesSourceConfig attachmentFiles() {
        return new FilesSourceConfig(name, attachmentsRoot, List.of("**"), s3);
    }

    /** Where tickets come from. */
    public sealed interface Layout extends Serializable permits Database, Export, Mailboxes {
        /** The config key that selects the layout: {@code tickets}, {@code export} or {@code mailboxes}. */
        String key();
    }

    /**
     * {@code tickets:} a ticket table and, optionally, an attachments table, read read-only.
     *
     * @param ticketTable      {@code schema.table} or {@code table}
     * @param attachmentTable  {@code schema.table} or {@code table}, or null when tickets have no attachments
     */
    public record Database(String url, String user, SecretRef password, String ticketTable, TicketColumns ticketColumns,
                           String attachmentTable, AttachmentColumns attachmentColumns, int maxConnections,
                           int statementTimeoutSeconds) implements Layout {
        public static final int DEFAULT_MAX_CONNECTIONS = 4;

        public Database {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(ticketTable, "ticketTable");
            ticketColumns = ticketColumns == null ? TicketColumns.DEFAULTS : ticketColumns;
            attachmentColumns = attachmentColumns == null ? AttachmentColumns.DEFAULTS : attachmentColumns;
        }

        @Override
        public String key() {
            return "tickets";
        }

        /** The URL without credentials or parameters, for messages. */
        public String redactedUrl() {
            return new JdbcSourceConfig("support", url, user, password, List.of(), 0).redactedUrl();
        }

        @Override
        public String toString() {
            return "Database[url=" + redactedUrl() + ", user=" + user + ", password=" + password + ", ticketTable="
                    + ticketTable + ", ticketColumns=" + ticketColumns + ", attachmentTable=" + attachmentTable
                    + ", attachmentColumns=" + attachmentColumns + ", maxConnections=" + maxConnections
                    + ", statementTimeoutSeconds=" + statementTimeoutSeconds + "]";
        }
    }

    /** Column names of the ticket table ({@code tickets.columns}). */
    public record TicketColumns(String id, String requester, String subject, String body, String created)
            implements Serializable {
        public static final TicketColumns DEFAULTS = new TicketColumns("id", "requester", "subject", "body", "created");
    }

    /** Column names of the attachments table ({@code tickets.attachments.columns}). */
    public record AttachmentColumns(String ticketId, String fileName, String key) implements Serializable {
        public static final AttachmentColumns DEFAULTS = new AttachmentColumns("ticket_id", "file_name", "key");
    }

    /**
     * {@code export:} a helpdesk export folder: {@code tickets.json} (a JSON array or JSON Lines) or
     * {@code tickets.jsonl}/{@code tickets.ndjson}, and the attachment files its tickets point to.
     *
     * @param folder the export folder (absolute)
     */
    public record Export(String folder) implements Layout {
        /** The names the tickets file is looked for under, in this order. */
        public static final List<String> TICKETS_FILES = List.of("tickets.json", "tickets.jsonl", "tickets.ndjson");

        public Export {
            Objects.requireNonNull(folder, "folder");
        }

        @Override
        public String key() {
            return "export";
        }
    }

    /** {@code mailboxes:} a folder of {@code .mbox} and {@code .eml} files; every message is a ticket. */
    public record Mailboxes(String folder) implements Layout {
        public Mailboxes {
            Objects.requireNonNull(folder, "folder");
        }

        @Override
        public String key() {
            return "mailboxes";
        }
    }
}
