package dev.piimap.scanner.source.support;

import dev.piimap.scanner.config.JdbcSourceConfig;
import dev.piimap.scanner.config.SupportSourceConfig;
import dev.piimap.scanner.extract.TikaTextExtractor;
import dev.piimap.scanner.source.AssetOutcome;
import dev.piimap.scanner.source.FingerprintKey;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.ScanItem;
import dev.piimap.scanner.source.SourceConnector;
import dev.piimap.scanner.source.SourceException;
import dev.piimap.scanner.source.jdbc.JdbcConnector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code type: support}: tickets and their attachments, from a database ({@link TicketDatabase}), a helpdesk
 * export folder ({@link HelpdeskExport}) or mailboxes ({@link Mailboxes}). Items are batches of tickets (or
 * of mbox messages) and single attachments ({@link Attachments}); every asset they produce, ticket text
 * {@code tickets/<id>} or attachment {@code tickets/<id>/<file name>}, carries links to its ticket and, with
 * a {@code fingerprint-key}, to its requester's fingerprint ({@link Requesters}). With the run's subject key,
 * every such asset is also in the subject index under its requester's address ({@link SupportSubjects}).
 *
 * <p>Holds only its config: the fingerprint key is resolved on the driver when listing and once per
 * executor-side copy when scanning; Tika is set up on first use.
 */
public final class SupportConnector implements SourceConnector {
    private static final long serialVersionUID = 1L;
    /** The item attribute that says which reader scans the item. */
    static final String ITEM_KIND = "kind";
    /** The asset kind of a whole item (a batch, a mailbox) that failed or held nothing. */
    static final String BATCH_KIND = "item";
    static final String NO_KEY_WARNING = "no fingerprint-key: assets are linked to their ticket but not to the requester;"
            + " set fingerprint-key: ${env:PIIMAP_FINGERPRINT_KEY} (32+ random characters) to link them";

    private final SupportSourceConfig config;
    private final Attachments attachments;
    private transient volatile Requesters requesters;
    private transient volatile TikaTextExtractor extractor;

    public SupportConnector(SupportSourceConfig config) {
        this.config = config;
        this.attachments = new Attachments(config);
    }

    @Override
    public String name() {
        return config.name();
    }

    /**
     * Warns when no fingerprint key is set, when a local attachments root does not exist, and (through the
     * jdbc source's own check) when the database role can write to the ticket or attachment table.
     */
    @Override
    public List<String> preflight() {
        List<String> warnings = new ArrayList<>();
        if (config.fingerprintKey() == null) {
            warnings.add(NO_KEY_WARNING);
        }
        String root = config.attachmentsRoot();
        if (root != null && !root.matches("(?i)s3a?://.*") && !Files.isDirectory(Path.of(root.replaceFirst("^file:(//)?", "")))) {
            warnings.add("attachments-root " + root + " is not a folder: every attachment will end as an error");
        }
        if (config.layout() instanceof SupportSourceConfig.Database db) {
            List<String> tables = new ArrayList<>();
            tables.add(db.ticketTable().contains(".") ? db.ticketTable() : "*." + db.ticketTable());
            if (db.attachmentTable() != null) {
                tables.add(db.attachmentTable().contains(".") ? db.attachmentTable() : "*." + db.attachmentTable());
            }
            warnings.addAll(new JdbcConnector(new JdbcSourceConfig(config.name(), db.url(), db.user(), db.password(),
                    tables, 0, JdbcSourceConfig.Sampling.FULL, 1, db.statementTimeoutSeconds())).preflight());
        }
        return warnings;
    }

    /** A database's connection cap: it bounds this source's tasks, ticket batches and attachments alike. */
    @Override
    public int maxConcurrency() {
        return config.layout() instanceof SupportSourceConfig.Database db ? db.maxConnections() : Integer.MAX_VALUE;
    }

    @Override
    public List<ScanItem> listItems() throws SourceException {
        Requesters keyed;
        try {
            keyed = requesters();
        } catch (FingerprintKey.UnavailableException e) {
            throw new SourceException("support source '" + config.name() + "': " + e.getMessage(), e);
        }
        if (config.layout() instanceof SupportSourceConfig.Database) {
            return new TicketDatabase(config).listItems(keyed, attachments);
        }
        if (config.layout() instanceof SupportSourceConfig.Export) {
            return new HelpdeskExport(config).listItems(keyed, attachments);
        }
        return new Mailboxes(config).listItems();
    }

    @Override
    public ItemResult scan(ScanItem item, ScanContext context) {
        try {
            String kind = item.attribute(ITEM_KIND);
            boolean attachment = Attachments.ITEM_KIND.equals(kind);
            Requesters keyed;
            try {
                context.subjectFingerprinter();
                keyed = attachment ? null : requesters();
            } catch (FingerprintKey.UnavailableException e) {
                String reason = e.getMessage() + " (on this executor)";
                return attachment ? Attachments.failed(item, reason, Requesters.links(item.attribute(Requesters.TICKET),
                        item.attribute(Requesters.REQUESTER))) : failed(item, reason);
            }
            if (attachment) {
                return attachments.scan(item, context);
            }
            if (TicketDatabase.ITEM_KIND.equals(kind)) {
                return new TicketDatabase(config).scanBatch(item, context, keyed);
            }
            if (HelpdeskExport.ITEM_KIND.equals(kind)) {
                return new HelpdeskExport(config).scanBatch(item, context, keyed);
            }
            if (Mailboxes.EML_KIND.equals(kind) || Mailboxes.MBOX_KIND.equals(kind)) {
                return new Mailboxes(config).scan(item, context, keyed, extractor(context));
            }
            return failed(item, "internal error (unknown item kind)");
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError && !(e instanceof OutOfMemoryError)) {
                throw e;
            }
            return failed(item, "internal error (" + e.getClass().getSimpleName() + ")");
        }
    }

    private ItemResult failed(ScanItem item, String reason) {
        return ItemResult.of(new AssetOutcome(config.name(), item.locator(), BATCH_KIND, ItemStatus.ERROR, reason,
                item.bytes() >= 0 ? item.bytes() : null, item.modifiedMillis() >= 0 ? item.modifiedMillis() : null));
    }

    /** The requester fingerprinter of this copy of the connector, made on first use. */
    private Requesters requesters() {
        Requesters r = requesters;
        if (r == null) {
            synchronized (this) {
                r = requesters;
                if (r == null) {
                    r = Requesters.withKey(config.fingerprintKey());
                    requesters = r;
                }
            }
        }
        return r;
    }

    private TikaTextExtractor extractor(ScanContext context) {
        TikaTextExtractor e = extractor;
        if (e == null || !e.limits().equals(context.limits())) {
            e = new TikaTextExtractor(context.limits());
            extractor = e;
        }
        return e;
    }
}
