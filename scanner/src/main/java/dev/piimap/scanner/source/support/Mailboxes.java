package dev.piimap.scanner.source.support;

import dev.piimap.classifiers.summary.SubjectCollector;
import dev.piimap.classifiers.summary.TextSummarizer;
import dev.piimap.classifiers.summary.TypeSummary;
import dev.piimap.scanner.config.SupportSourceConfig;
import dev.piimap.scanner.extract.DocumentOutcome;
import dev.piimap.scanner.extract.DocumentSink;
import dev.piimap.scanner.extract.TextExtractor;
import dev.piimap.scanner.source.AssetFinding;
import dev.piimap.scanner.source.AssetOutcome;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.ScanItem;
import dev.piimap.scanner.source.SourceException;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code mailboxes:} layout: a folder (walked recursively) of {@code .eml} files (one message each) and
 * {@code .mbox} files (messages separated by {@code From } lines). Every message is a ticket: its id is the
 * file's path relative to the folder ({@code .eml}) or that path, {@code #} and the message's position from 1
 * ({@code .mbox}); its requester is the address of its {@code From:} header. A message is extracted with Tika
 * as an e-mail: its own text (with its headers' names and addresses) is the ticket {@code tickets/<id>},
 * each MIME attachment {@code tickets/<id>/<file name>}, what is inside an attachment {@code ...!/inner}.
 *
 * <p>Listing reads each mbox once to find where its messages start and cuts them into items of
 * {@code batch-size} messages holding their byte range; an executor reads only its range.
 */
final class Mailboxes {
    static final String EML_KIND = "eml";
    static final String MBOX_KIND = "mbox";
    /** The name a message is extracted under: the extension tells Tika it is an e-mail. */
    private static final String MESSAGE_NAME = "message.eml";
    private static final byte[] FROM_LINE = "From ".getBytes(StandardCharsets.US_ASCII);

    private final SupportSourceConfig config;
    private final SupportSourceConfig.Mailboxes mailboxes;

    Mailboxes(SupportSourceConfig config) {
        this.config = config;
        this.mailboxes = (SupportSourceConfig.Mailboxes) config.layout();
    }

    List<ScanItem> listItems() throws SourceException {
        Path folder = Path.of(mailboxes.folder());
        if (!Files.isDirectory(folder)) {
            throw new SourceException(prefix() + "mailboxes folder " + folder + " does not exist or is not a folder; check 'mailboxes'");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".eml") || n.endsWith(".mbox");
            }).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new SourceException(prefix() + "mailboxes folder " + folder + " cannot be listed ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        List<ScanItem> items = new ArrayList<>();
        for (Path file : files) {
            String relative = folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            long size = -1;
            long modified = -1;
            try {
                size = Files.size(file);
                modified = Files.getLastModifiedTime(file).toMillis();
            } catch (IOException e) {
                // listed anyway: the scan reports why it cannot be read
            }
            String revision = size >= 0 ? size + ":" + modified : null;
            if (relative.toLowerCase(Locale.ROOT).endsWith(".eml")) {
                items.add(new ScanItem(config.name(), relative, size, modified, revision,
                        Map.of(SupportConnector.ITEM_KIND, EML_KIND)));
            } else {
                listMbox(file, relative, size, modified, revision, items);
            }
        }
        return items;
    }

    /** One item per {@code batch-size} messages; a mailbox that cannot be read or holds none is one item too. */
    private void listMbox(Path file, String relative, long size, long modified, String revision, List<ScanItem> items) {
        List<Long> starts = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            long position = 0;
            boolean lineStart = true;
            int matched = 0;
            int b;
            while ((b = in.read()) >= 0) {
                if (lineStart || matched > 0) {
                    if (b == FROM_LINE[matched]) {
                        matched++;
                        if (matched == FROM_LINE.length) {
                            starts.add(position - FROM_LINE.length + 1);
                            matched = 0;
                        }
                    } else {
                        matched = 0;
                    }
                }
                lineStart = b == '\n';
                position++;
            }
        } catch (IOException e) {
            starts.clear();
        }
        if (starts.isEmpty()) {
            items.add(mboxItem(relative, 0, Math.max(0, size), 1, size, modified, revision));
            return;
        }
        for (int i = 0; i < starts.size(); i += config.batchSize()) {
            int last = Math.min(starts.size(), i + config.batchSize());
            long end = last < starts.size() ? starts.get(last) : size;
            items.add(mboxItem(relative + "[" + (i + 1) + ".." + last + "]", starts.get(i), end, i + 1,
                    end - starts.get(i), modified, revision));
        }
    }

    private ScanItem mboxItem(String locator, long offset, long end, long first, long bytes, long modified, String revision) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(SupportConnector.ITEM_KIND, MBOX_KIND);
        attributes.put("file", locator.contains("[") ? locator.substring(0, locator.lastIndexOf('[')) : locator);
        attributes.put("offset", Long.toString(offset));
        attributes.put("end", Long.toString(end));
        attributes.put("first", Long.toString(first));
        return new ScanItem(config.name(), locator, bytes, modified, revision, attributes);
    }

    /** Scans one {@code .eml} file or one range of an mbox; never throws. */
    ItemResult scan(ScanItem item, ScanContext context, Requesters requesters, TextExtractor extractor) {
        boolean eml = EML_KIND.equals(item.attribute(SupportConnector.ITEM_KIND));
        String relative = eml ? item.locator() : item.attribute("file");
        Path file = Path.of(mailboxes.folder()).resolve(relative);
        long maxBytes = context.limits().maxBytesPerItem();
        List<AssetOutcome> assets = new ArrayList<>();
        List<AssetFinding> findings = new ArrayList<>();
        SupportSubjects subjects = new SupportSubjects(context);
        try (InputStream raw = Files.newInputStream(file)) {
            if (eml) {
                if (item.bytes() > maxBytes) {
                    return ItemResult.of(message(item.locator(), ItemStatus.SKIPPED, "size limit " + maxBytes + " bytes"));
                }
                byte[] bytes = raw.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
                extractMessage(relative, bytes, item.modifiedMillis() >= 0 ? item.modifiedMillis() : null, context,
                        requesters, extractor, assets, findings, subjects);
            } else {
                long offset = Long.parseLong(item.attribute("offset"));
                long end = Long.parseLong(item.attribute("end"));
                long ordinal = Long.parseLong(item.attribute("first"));
                raw.skipNBytes(offset);
                MessageReader reader = new MessageReader(new BufferedInputStream(raw, 1 << 16), end - offset, maxBytes);
                MessageReader.Message m;
                while ((m = reader.next()) != null) {
                    String id = relative + "#" + ordinal++;
                    if (m.oversized()) {
                        assets.add(new AssetOutcome(config.name(), TicketText.asset(id), TicketText.KIND, ItemStatus.SKIPPED,
                                "size limit " + maxBytes + " bytes", m.bytes(), null, Requesters.links(id, null)));
                    } else {
                        extractMessage(id, m.content(), null, context, requesters, extractor, assets, findings, subjects);
                    }
                }
                if (assets.isEmpty()) {
                    return ItemResult.of(message(item.locator(), ItemStatus.SKIPPED, "no messages in this mailbox"));
                }
            }
        } catch (AccessDeniedException e) {
            return ItemResult.of(message(item.locator(), ItemStatus.ERROR, "permission denied"));
        } catch (IOException e) {
            assets.add(message(item.locator(), ItemStatus.ERROR, "read failed (" + e.getClass().getSimpleName() + ")"));
        }
        return new ItemResult(assets, findings, subjects.entries(), List.of());
    }

    private AssetOutcome message(String locator, ItemStatus status, String reason) {
        return new AssetOutcome(config.name(), locator, SupportConnector.BATCH_KIND, status, reason, null, null);
    }

    private void extractMessage(String ticketId, byte[] content, Long modified, ScanContext context, Requesters requesters,
                                TextExtractor extractor, List<AssetOutcome> assets, List<AssetFinding> findings,
                                SupportSubjects subjects) {
        String from = fromHeader(content);
        Map<String, String> links = Requesters.links(ticketId, requesters.fingerprint(from));
        MessageSink sink = new MessageSink(config.name(), TicketText.asset(ticketId), modified, links, context, subjects,
                subjects.requester(from));
        extractor.extract(new ByteArrayInputStream(content), MESSAGE_NAME, content.length, sink);
        assets.addAll(sink.assets);
        findings.addAll(sink.findings);
    }

    /** The value of the first {@code From:} header (unfolded), or null. Reads the header block only. */
    static String fromHeader(byte[] message) {
        String head = new String(message, 0, Math.min(message.length, 64 * 1024), StandardCharsets.ISO_8859_1);
        int blank = head.indexOf("\n\n");
        int crlf = head.indexOf("\r\n\r\n");
        int end = blank < 0 ? crlf : crlf < 0 ? blank : Math.min(blank, crlf);
        String[] lines = (end < 0 ? head : head.substring(0, end)).replace("\r\n", "\n").replaceAll("\n[ \t]+", " ").split("\n");
        for (String line : lines) {
            if (line.regionMatches(true, 0, "From:", 0, 5)) {
                return line.substring(5).strip();
            }
        }
        return null;
    }

    private String prefix() {
        return "support source '" + config.name() + "': ";
    }

    /**
     * Collects one message's documents as support assets: the message itself as the ticket, its attachments
     * (first-level embedded documents) as {@code tickets/<id>/<name>} of kind attachment, deeper documents as
     * {@code ...!/inner} of kind embedded; every one with the ticket's links and its subject index entries.
     */
    private static final class MessageSink implements DocumentSink {
        private static final String ROOT_CHILD = MESSAGE_NAME + "!/";
        private final String source;
        private final String ticketAsset;
        private final Long modified;
        private final Map<String, String> links;
        private final ScanContext context;
        private final SupportSubjects subjects;
        private final String requester;
        private final Map<String, TextSummarizer> open = new HashMap<>();
        private final Map<String, SubjectCollector> openSubjects = new HashMap<>();
        private final Map<String, Long> declared = new HashMap<>();
        private final Map<String, AssetOutcome> outcomes = new LinkedHashMap<>();
        final List<AssetOutcome> assets = new ArrayList<>();
        final List<AssetFinding> findings = new ArrayList<>();

        MessageSink(String source, String ticketAsset, Long modified, Map<String, String> links, ScanContext context,
                    SupportSubjects subjects, String requester) {
            this.source = source;
            this.ticketAsset = ticketAsset;
            this.modified = modified;
            this.links = links;
            this.context = context;
            this.subjects = subjects;
            this.requester = requester;
        }

        @Override
        public void start(String path, Long bytes) {
            SubjectCollector index = subjects.newCollector();
            if (index != null) {
                openSubjects.put(path, index);
            }
            open.put(path, new TextSummarizer(context.classifier(), index));
            declared.put(path, bytes);
        }

        @Override
        public void text(String path, CharSequence chunk) {
            TextSummarizer s = open.get(path);
            if (s != null) {
                s.add(chunk);
            }
        }

        @Override
        public void end(String path, DocumentOutcome outcome) {
            String asset;
            String kind;
            if (path.equals(MESSAGE_NAME)) {
                asset = ticketAsset;
                kind = TicketText.KIND;
            } else if (path.startsWith(ROOT_CHILD)) {
                String rest = path.substring(ROOT_CHILD.length());
                asset = ticketAsset + "/" + rest;
                kind = rest.contains("!/") ? "embedded" : Attachments.KIND;
            } else {
                asset = ticketAsset + "!/" + path;
                kind = "embedded";
            }
            AssetOutcome ended = new AssetOutcome(source, asset, kind, outcome.status(), outcome.reason(), declared.get(path),
                    path.equals(MESSAGE_NAME) ? modified : null, links);
            assets.add(ended);
            subjects.add(ended, openSubjects.remove(path), requester);
            TextSummarizer s = open.remove(path);
            if (s != null) {
                for (TypeSummary t : s.result()) {
                    findings.add(new AssetFinding(source, asset, kind, t.type(), t.count(), t.confidence(),
                            context.keepSamples() ? t.sample() : null, t.explanation(), t.detector()));
                }
            }
        }
    }

    /** Splits a byte range of an mbox into messages at lines starting with {@code From }; drops the separator lines. */
    static final class MessageReader {
        record Message(byte[] content, long bytes, boolean oversized) {
        }

        private final InputStream in;
        private final long maxBytes;
        private long remaining;
        private boolean separatorPending = true;
        /** The first line of a range that did not start at a separator: content of the first message. */
        private byte[] pushBack;

        MessageReader(InputStream in, long length, long maxBytes) {
            this.in = in;
            this.remaining = length;
            this.maxBytes = maxBytes;
        }

        /** The next message, or null at the end of the range. */
        Message next() throws IOException {
            if (separatorPending) {
                String line = readLine();
                if (line == null) {
                    return null;
                }
                if (!line.startsWith("From ")) {
                    // not at a separator (a mailbox without one): the line is content
                    pushBack = line.getBytes(StandardCharsets.ISO_8859_1);
                }
                separatorPending = false;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long total = 0;
            boolean any = pushBack != null;
            if (pushBack != null) {
                out.write(pushBack);
                total += pushBack.length;
                pushBack = null;
            }
            String line;
            while ((line = readLine()) != null) {
                if (line.startsWith("From ")) {
                    separatorPending = false;
                    return new Message(total > maxBytes ? new byte[0] : out.toByteArray(), total, total > maxBytes);
                }
                any = true;
                byte[] bytes = (line.startsWith(">From ") ? line.substring(1) : line).getBytes(StandardCharsets.ISO_8859_1);
                total += bytes.length;
                if (total <= maxBytes) {
                    out.write(bytes);
                }
            }
            if (!any) {
                return null;
            }
            return new Message(total > maxBytes ? new byte[0] : out.toByteArray(), total, total > maxBytes);
        }

        /** One line with its line ending, as ISO-8859-1 (bytes kept as they are), or null at the end. */
        private String readLine() throws IOException {
            if (remaining <= 0) {
                return null;
            }
            StringBuilder line = new StringBuilder();
            int b;
            while (remaining > 0 && (b = in.read()) >= 0) {
                remaining--;
                line.append((char) b);
                if (b == '\n') {
                    break;
                }
            }
            return line.isEmpty() ? null : line.toString();
        }
    }
}
