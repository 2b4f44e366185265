package dev.piimap.scanner.source.support;

import dev.piimap.scanner.config.SupportSourceConfig;
import dev.piimap.scanner.source.AssetFinding;
import dev.piimap.scanner.source.AssetOutcome;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.ScanItem;
import dev.piimap.scanner.source.SourceException;
import dev.piimap.scanner.source.jdbc.ReadOnlyConnections;
import dev.piimap.scanner.source.jdbc.SqlFailures;
import dev.piimap.scanner.source.jdbc.SqlText;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code tickets:} layout: a ticket table and an optional attachments table, read the way the jdbc source
 * reads (read-only session, {@code setReadOnly}, a transaction that is rolled back, a statement timeout, only
 * generated SELECTs with quoted identifiers and a {@code /* piimap ... *}{@code /} comment).
 *
 * <p>Listing streams the ticket ids in order and cuts them into batches of {@code batch-size} ids (only the
 * batch bounds stay in memory), then streams the attachment rows with their ticket's requester into one
 * item each. A batch is scanned with one range query; its revision is its ticket count and newest
 * {@code created}, so a batch that gained, lost or re-created tickets shows as changed.
 */
final class TicketDatabase {
    static final String ITEM_KIND = "tickets";
    static final int FETCH_SIZE = 10_000;
    /** The comment of the driver's listing queries; scan queries carry {@link SqlText#comment}. */
    static final String LISTING_COMMENT = "/* piimap listing */";

    private final SupportSourceConfig config;
    private final SupportSourceConfig.Database db;

    TicketDatabase(SupportSourceConfig config) {
        this.config = config;
        this.db = (SupportSourceConfig.Database) config.layout();
    }

    List<ScanItem> listItems(Requesters requesters, Attachments attachments) throws SourceException {
        List<ScanItem> items = new ArrayList<>();
        try (Connection c = open(Duration.ofSeconds(db.statementTimeoutSeconds()))) {
            try {
                listBatches(c, items);
                if (db.attachmentTable() != null) {
                    listAttachments(c, requesters, attachments, items);
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new SourceException(prefix() + "cannot be listed: " + SqlFailures.reason(e) + hint(e), e);
        } catch (ReadOnlyConnections.SecretUnavailableException e) {
            throw new SourceException(prefix() + e.getMessage(), e);
        }
        return items;
    }

    private void listBatches(Connection c, List<ScanItem> items) throws SQLException {
        SupportSourceConfig.TicketColumns col = db.ticketColumns();
        String quote = c.getMetaData().getIdentifierQuoteString();
        String sql = LISTING_COMMENT + " SELECT " + SqlText.quote(quote, col.id()) + ", " + SqlText.quote(quote, col.created()) + " FROM "
                + table(quote, db.ticketTable()) + " ORDER BY " + SqlText.quote(quote, col.id());
        try (Statement s = c.createStatement()) {
            s.setFetchSize(FETCH_SIZE);
            s.setQueryTimeout(db.statementTimeoutSeconds());
            try (ResultSet rs = s.executeQuery(sql)) {
                Batch batch = null;
                while (rs.next()) {
                    Object id = rs.getObject(1);
                    if (id == null) {
                        continue;
                    }
                    Timestamp created = rs.getTimestamp(2);
                    if (batch == null) {
                        batch = new Batch(id);
                    }
                    batch.add(id, created == null ? -1 : created.getTime());
                    if (batch.count == config.batchSize()) {
                        items.add(batch.item());
                        batch = null;
                    }
                }
                if (batch != null) {
                    items.add(batch.item());
                }
            }
        }
    }

    private void listAttachments(Connection c, Requesters requesters, Attachments attachments, List<ScanItem> items)
            throws SQLException {
        SupportSourceConfig.TicketColumns t = db.ticketColumns();
        SupportSourceConfig.AttachmentColumns a = db.attachmentColumns();
        String quote = c.getMetaData().getIdentifierQuoteString();
        String sql = LISTING_COMMENT + " SELECT a." + SqlText.quote(quote, a.ticketId()) + ", a." + SqlText.quote(quote, a.fileName()) + ", a." + SqlText.quote(quote, a.key())
                + ", t." + SqlText.quote(quote, t.requester()) + " FROM " + table(quote, db.attachmentTable()) + " a LEFT JOIN "
                + table(quote, db.ticketTable()) + " t ON t." + SqlText.quote(quote, t.id()) + " = a." + SqlText.quote(quote, a.ticketId())
                + " ORDER BY a." + SqlText.quote(quote, a.ticketId()) + ", a." + SqlText.quote(quote, a.fileName()) + ", a." + SqlText.quote(quote, a.key());
        try (Statement s = c.createStatement()) {
            s.setFetchSize(FETCH_SIZE);
            s.setQueryTimeout(db.statementTimeoutSeconds());
            try (ResultSet rs = s.executeQuery(sql)) {
                String ticket = null;
                Set<String> names = Attachments.names();
                while (rs.next()) {
                    String ticketId = rs.getString(1);
                    if (ticketId == null) {
                        continue;
                    }
                    if (!ticketId.equals(ticket)) {
                        ticket = ticketId;
                        names = Attachments.names();
                    }
                    String key = rs.getString(3);
                    long[] stat = attachments.localStat(key);
                    ScanItem item = attachments.item(ticketId, requesters.fingerprint(rs.getString(4)), rs.getString(2), key,
                            stat[0], stat[1], names);
                    if (item != null) {
                        items.add(item);
                    }
                }
            }
        }
    }

    /** Scans one batch of tickets; never throws. */
    ItemResult scanBatch(ScanItem item, ScanContext context, Requesters requesters) {
        SupportSourceConfig.TicketColumns col = db.ticketColumns();
        long started = System.nanoTime();
        Duration budget = context.limits().maxTimePerItem();
        List<AssetOutcome> assets = new ArrayList<>();
        List<AssetFinding> findings = new ArrayList<>();
        SupportSubjects subjects = new SupportSubjects(context);
        Duration timeout = Duration.ofSeconds(Math.max(1, Math.min(db.statementTimeoutSeconds(), budget.toSeconds())));
        try (Connection c = open(timeout)) {
            try {
                String quote = c.getMetaData().getIdentifierQuoteString();
                String sql = SqlText.comment(context.runId()) + " SELECT " + SqlText.quote(quote, col.id()) + ", " + SqlText.quote(quote, col.requester()) + ", " + SqlText.quote(quote, col.subject())
                        + ", " + SqlText.quote(quote, col.body()) + ", " + SqlText.quote(quote, col.created()) + " FROM " + table(quote, db.ticketTable())
                        + " WHERE " + SqlText.quote(quote, col.id()) + " >= ? AND " + SqlText.quote(quote, col.id()) + " <= ? ORDER BY "
                        + SqlText.quote(quote, col.id());
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setFetchSize(Math.min(FETCH_SIZE, config.batchSize()));
                    ps.setQueryTimeout((int) timeout.toSeconds());
                    bind(ps, 1, item.attribute("from"), item.attribute("id-type"));
                    bind(ps, 2, item.attribute("to"), item.attribute("id-type"));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String id = rs.getString(1);
                            Timestamp created = rs.getTimestamp(5);
                            Long modified = created == null ? null : created.getTime();
                            String raw = rs.getString(2);
                            Map<String, String> links = Requesters.links(id, requesters.fingerprint(raw));
                            if (System.nanoTime() - started > budget.toNanos()) {
                                AssetOutcome skipped = new AssetOutcome(config.name(), TicketText.asset(id), TicketText.KIND,
                                        ItemStatus.SKIPPED, "time limit " + budget.toSeconds() + "s", null, modified, links);
                                assets.add(skipped);
                                subjects.add(skipped, null, subjects.requester(raw));
                                continue;
                            }
                            TicketText.classify(config.name(), id, List.of(nz(rs.getString(3)), nz(rs.getString(4))),
                                    modified, links, subjects.requester(raw), context, assets, findings, subjects);
                        }
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            return failed(item, SqlFailures.reason(e), assets, findings, subjects);
        } catch (ReadOnlyConnections.SecretUnavailableException e) {
            return failed(item, e.getMessage(), assets, findings, subjects);
        }
        if (assets.isEmpty()) {
            return ItemResult.of(new AssetOutcome(config.name(), item.locator(), SupportConnector.BATCH_KIND, ItemStatus.SKIPPED,
                    "no tickets left in this id range", null, null));
        }
        return new ItemResult(assets, findings, subjects.entries(), List.of());
    }

    private ItemResult failed(ScanItem item, String reason, List<AssetOutcome> assets, List<AssetFinding> findings,
                              SupportSubjects subjects) {
        List<AssetOutcome> all = new ArrayList<>(assets);
        all.add(new AssetOutcome(config.name(), item.locator(), SupportConnector.BATCH_KIND, ItemStatus.ERROR, reason,
                null, null));
        return new ItemResult(all, findings, subjects.entries(), List.of());
    }

    /** A read-only connection in a read-only transaction with a statement timeout; the caller rolls back and closes. */
    /** A connection as the jdbc source opens one: read-only three ways, with the statement timeout. */
    private Connection open(Duration timeout) throws SQLException {
        return ReadOnlyConnections.open(db.url(), db.user(), db.password(), timeout);
    }

    private static void bind(PreparedStatement ps, int index, String value, String type) throws SQLException {
        switch (type == null ? "string" : type) {
            case "long" -> ps.setLong(index, Long.parseLong(value));
            case "decimal" -> ps.setBigDecimal(index, new BigDecimal(value));
            case "uuid" -> ps.setObject(index, UUID.fromString(value));
            default -> ps.setString(index, value);
        }
    }

    private static String idType(Object id) {
        if (id instanceof Integer || id instanceof Long || id instanceof Short || id instanceof Byte) {
            return "long";
        }
        if (id instanceof BigDecimal || id instanceof BigInteger) {
            return "decimal";
        }
        return id instanceof UUID ? "uuid" : "string";
    }

    /** The bounds, size and newest creation time of the batch being listed. */
    private final class Batch {
        final Object first;
        Object last;
        int count;
        long newest = -1;

        Batch(Object first) {
            this.first = first;
        }

        void add(Object id, long createdMillis) {
            last = id;
            count++;
            newest = Math.max(newest, createdMillis);
        }

        ScanItem item() {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put(SupportConnector.ITEM_KIND, ITEM_KIND);
            attributes.put("from", first.toString());
            attributes.put("to", last.toString());
            attributes.put("id-type", idType(first));
            return new ScanItem(config.name(), "tickets[" + first + ".." + last + "]", -1, newest,
                    count + ":" + newest, attributes);
        }
    }

    /** {@code schema.table} or {@code table}, each part quoted. */
    static String table(String quote, String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? SqlText.quote(quote, name) : SqlText.quote(quote, name.substring(0, dot)) + "." + SqlText.quote(quote, name.substring(dot + 1));
    }

    private static String hint(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("42")) {
            return "; check tickets.table, tickets.columns and tickets.attachments";
        }
        if (state.startsWith("08")) {
            return "; check that the database runs and tickets.url's host and port are reachable";
        }
        if (state.startsWith("28")) {
            return "; check tickets.user and tickets.password";
        }
        return "";
    }

    private String prefix() {
        return "support source '" + config.name() + "' (" + db.redactedUrl() + "): ";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

}
