package dev.piimap.scanner.source.support;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piimap.scanner.config.SupportSourceConfig;
import dev.piimap.scanner.source.AssetFinding;
import dev.piimap.scanner.source.AssetOutcome;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.ScanItem;
import dev.piimap.scanner.source.SourceException;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code export:} layout, a helpdesk export folder in the shape Zendesk's and Freshdesk's JSON exports
 * share: a tickets file ({@code tickets.json} as a JSON array or JSON Lines, or {@code tickets.jsonl} /
 * {@code tickets.ndjson}) with one object per ticket, and the attachment files its tickets point to:
 * <pre>
 * {"id": 1042, "requester": "ana@example.com",            // or {"email": ...}, or requester_email
 *  "subject": "Invoice dispute", "description": "...",    // or body
 *  "comments": [{"body": "..."}],                         // optional; plain_body also read
 *  "created_at": "2026-11-02T09:15:00Z",                  // or created; ISO-8601
 *  "attachments": [{"file_name": "invoice.pdf", "path": "attachments/1042/invoice.pdf"}]}
 * </pre>
 * An attachment's {@code path} is relative to the attachments root (the export folder by default) and
 * defaults to {@code attachments/<id>/<file_name>}. Listing streams the file once: every {@code batch-size}
 * tickets become one item holding the byte offset of its first ticket, so an executor reads its batch
 * without parsing the tickets before it; each attachment becomes an item of its own.
 */
final class HelpdeskExport {
    static final String ITEM_KIND = "export-tickets";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private final SupportSourceConfig config;
    private final SupportSourceConfig.Export export;

    HelpdeskExport(SupportSourceConfig config) {
        this.config = config;
        this.export = (SupportSourceConfig.Export) config.layout();
    }

    List<ScanItem> listItems(Requesters requesters, Attachments attachments) throws SourceException {
        Path folder = Path.of(export.folder());
        if (!Files.isDirectory(folder)) {
            throw new SourceException(prefix() + "export folder " + folder + " does not exist or is not a folder; check 'export'");
        }
        Path tickets = null;
        for (String name : SupportSourceConfig.Export.TICKETS_FILES) {
            if (Files.isRegularFile(folder.resolve(name))) {
                tickets = folder.resolve(name);
                break;
            }
        }
        if (tickets == null) {
            throw new SourceException(prefix() + "export folder " + folder + " has none of "
                    + String.join(", ", SupportSourceConfig.Export.TICKETS_FILES) + "; point 'export' at the export's root folder");
        }
        String fileName = tickets.getFileName().toString();
        List<ScanItem> items = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(tickets), 1 << 16);
             JsonParser parser = FACTORY.createParser(in)) {
            String revision = Files.size(tickets) + ":" + Files.getLastModifiedTime(tickets).toMillis();
            JsonToken first = parser.nextToken();
            boolean array = first == JsonToken.START_ARRAY;
            JsonToken token = array ? parser.nextToken() : first;
            long ordinal = 0;
            long batchStart = -1;
            long batchFirst = 0;
            int batchCount = 0;
            while (token != null && token != JsonToken.END_ARRAY) {
                if (token != JsonToken.START_OBJECT) {
                    throw new SourceException(prefix() + fileName + " holds something other than ticket objects near line "
                            + parser.currentTokenLocation().getLineNr() + "; expected an array or lines of {\"id\": ...}");
                }
                long offset = parser.currentTokenLocation().getByteOffset();
                JsonNode ticket = parser.readValueAsTree();
                ordinal++;
                if (batchCount == 0) {
                    batchStart = offset;
                    batchFirst = ordinal;
                }
                batchCount++;
                listAttachments(ticket, ticketId(ticket, ordinal), requesters, attachments, items);
                token = parser.nextToken();
                if (batchCount == config.batchSize() || token == null || token == JsonToken.END_ARRAY) {
                    long end = token == null ? Files.size(tickets) : parser.currentTokenLocation().getByteOffset();
                    items.add(batch(fileName, array, batchStart, end, batchFirst, batchCount, revision));
                    batchCount = 0;
                }
            }
        } catch (JsonProcessingException e) {
            throw new SourceException(prefix() + fileName + " is not valid JSON near line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + "; export the tickets again", e);
        } catch (AccessDeniedException e) {
            throw new SourceException(prefix() + fileName + " cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new SourceException(prefix() + fileName + " cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
        return items;
    }

    private ScanItem batch(String fileName, boolean array, long start, long end, long first, int count, String revision) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(SupportConnector.ITEM_KIND, ITEM_KIND);
        attributes.put("file", fileName);
        attributes.put("array", Boolean.toString(array));
        attributes.put("offset", Long.toString(start));
        attributes.put("count", Integer.toString(count));
        return new ScanItem(config.name(), fileName + "[" + first + ".." + (first + count - 1) + "]", Math.max(0, end - start),
                -1, revision, attributes);
    }

    private void listAttachments(JsonNode ticket, String ticketId, Requesters requesters, Attachments attachments,
                                 List<ScanItem> items) {
        JsonNode list = ticket.get("attachments");
        if (list == null || !list.isArray() || list.isEmpty()) {
            return;
        }
        String requester = requesters.fingerprint(requester(ticket));
        Set<String> names = Attachments.names();
        for (JsonNode attachment : list) {
            String fileName = text(attachment, "file_name");
            String path = text(attachment, "path");
            if (path == null && fileName != null) {
                path = "attachments/" + ticketId + "/" + fileName;
            }
            long[] stat = attachments.localStat(path);
            ScanItem item = attachments.item(ticketId, requester, fileName, path, stat[0], stat[1], names);
            if (item != null) {
                items.add(item);
            }
        }
    }

    /** Scans one batch of tickets; never throws. */
    ItemResult scanBatch(ScanItem item, ScanContext context, Requesters requesters) {
        Path file = Path.of(export.folder()).resolve(item.attribute("file"));
        long offset = Long.parseLong(item.attribute("offset"));
        int count = Integer.parseInt(item.attribute("count"));
        long first = Long.parseLong(item.locator().substring(item.locator().lastIndexOf('[') + 1, item.locator().lastIndexOf("..")));
        List<AssetOutcome> assets = new ArrayList<>();
        List<AssetFinding> findings = new ArrayList<>();
        SupportSubjects subjects = new SupportSubjects(context);
        long started = System.nanoTime();
        long budget = context.limits().maxTimePerItem().toNanos();
        try (InputStream raw = Files.newInputStream(file)) {
            raw.skipNBytes(offset);
            InputStream in = Boolean.parseBoolean(item.attribute("array"))
                    ? new SequenceInputStream(new ByteArrayInputStream("[".getBytes(StandardCharsets.US_ASCII)), raw) : raw;
            try (JsonParser parser = FACTORY.createParser(new BufferedInputStream(in, 1 << 16))) {
                JsonToken token = parser.nextToken();
                if (token == JsonToken.START_ARRAY) {
                    token = parser.nextToken();
                }
                for (int i = 0; i < count && token == JsonToken.START_OBJECT; i++) {
                    JsonNode ticket = parser.readValueAsTree();
                    String id = ticketId(ticket, first + i);
                    String address = requester(ticket);
                    Map<String, String> links = Requesters.links(id, requesters.fingerprint(address));
                    Long created = created(ticket);
                    if (System.nanoTime() - started > budget) {
                        AssetOutcome skipped = new AssetOutcome(config.name(), TicketText.asset(id), TicketText.KIND, ItemStatus.SKIPPED,
                                "time limit " + context.limits().maxTimePerItem().toSeconds() + "s", null, created, links);
                        assets.add(skipped);
                        subjects.add(skipped, null, subjects.requester(address));
                    } else {
                        TicketText.classify(config.name(), id, texts(ticket), created, links, subjects.requester(address), context,
                                assets, findings, subjects);
                    }
                    token = parser.nextToken();
                }
            }
        } catch (IOException e) {
            List<AssetOutcome> all = new ArrayList<>(assets);
            all.add(new AssetOutcome(config.name(), item.locator(), SupportConnector.BATCH_KIND, ItemStatus.ERROR,
                    e instanceof JsonProcessingException ? "tickets file changed after listing (not valid JSON here)"
                            : "read failed (" + e.getClass().getSimpleName() + ")", item.bytes(), null));
            return new ItemResult(all, findings, subjects.entries(), List.of());
        }
        if (assets.isEmpty()) {
            return ItemResult.of(new AssetOutcome(config.name(), item.locator(), SupportConnector.BATCH_KIND, ItemStatus.ERROR,
                    "tickets file changed after listing (no ticket at the listed offset)", item.bytes(), null));
        }
        return new ItemResult(assets, findings, subjects.entries(), List.of());
    }

    /** The ticket's {@code id}, or {@code #<ordinal>} (its position in the file) when it has none. */
    static String ticketId(JsonNode ticket, long ordinal) {
        String id = text(ticket, "id");
        return id == null || id.isBlank() ? "#" + ordinal : id.strip();
    }

    static String requester(JsonNode ticket) {
        JsonNode r = ticket.get("requester");
        if (r != null && r.isObject()) {
            return text(r, "email");
        }
        String direct = text(ticket, "requester");
        return direct != null ? direct : text(ticket, "requester_email");
    }

    /** Subject, description (or body) and every comment's body, in order. */
    static List<String> texts(JsonNode ticket) {
        List<String> texts = new ArrayList<>();
        texts.add(text(ticket, "subject"));
        texts.add(text(ticket, "description"));
        texts.add(text(ticket, "body"));
        JsonNode comments = ticket.get("comments");
        if (comments != null && comments.isArray()) {
            for (JsonNode comment : comments) {
                String body = text(comment, "body");
                texts.add(body != null ? body : text(comment, "plain_body"));
            }
        }
        List<String> unique = new ArrayList<>();
        for (String t : texts) {
            if (t != null && !unique.contains(t)) { // Zendesk repeats the description as the first comment
                unique.add(t);
            }
        }
        return unique;
    }

    private static Long created(JsonNode ticket) {
        String value = text(ticket, "created_at");
        if (value == null) {
            value = text(ticket, "created");
        }
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value).toEpochMilli();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node == null ? null : node.get(key);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private String prefix() {
        return "support source '" + config.name() + "': ";
    }
}
