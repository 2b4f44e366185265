package dev.piimap.scanner.source.support;

import dev.piimap.scanner.config.SecretRef;
import dev.piimap.scanner.config.SupportSourceConfig;
import dev.piimap.scanner.source.AssetFinding;
import dev.piimap.scanner.source.AssetOutcome;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.ItemStatus;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.ScanItem;
import dev.piimap.scanner.source.SubjectEntry;
import dev.piimap.scanner.source.files.FilesConnector;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attachments as scan items and their scan. An attachment is listed as the item {@code tickets/<id>/<file name>}
 * carrying its ticket id, its requester's fingerprint and its key (a path relative to the attachments root,
 * local or {@code s3a://}); it is read and extracted exactly as a file of a files source rooted there
 * ({@link FilesConnector}: decompression, embedded documents, limits, S3 reads), and its outcomes renamed:
 * the file becomes {@code tickets/<id>/<file name>} of kind {@value #KIND}, what is inside it
 * {@code tickets/<id>/<file name>!/inner} of kind {@code embedded}, all with the ticket's links. Their subject
 * index entries are renamed alike and each gets the requester's ({@link SupportSubjects}) when the item's requester
 * fingerprint was made with the run's subject key: the source's {@code fingerprint-key} is the run's (the
 * default). A source with a key of its own links attachments to the requester but cannot index them by it, as
 * the address itself is not carried from the listing to the scan.
 */
final class Attachments implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String KIND = "attachment";
    static final String ITEM_KIND = "attachment";
    static final String NOT_FOUND = "attachment not found under the attachments root";
    private static final String SEPARATOR = "!/";

    private final String source;
    private final FilesConnector files;
    private final boolean local;
    private final String root;
    private final SecretRef requesterKey;

    Attachments(SupportSourceConfig config) {
        this.source = config.name();
        this.requesterKey = config.fingerprintKey();
        this.root = config.attachmentsRoot();
        this.files = root == null ? null : new FilesConnector(config.attachmentFiles());
        this.local = root != null && !root.matches("(?i)s3a?://.*");
    }

    /**
     * The item of one attachment, or null for a blank key. Names are unique within a ticket: a repeated file
     * name gets a {@code " (2)"} suffix before its extension, as embedded documents do.
     *
     * @param usedNames the names given so far to this ticket's attachments (updated)
     */
    ScanItem item(String ticketId, String requesterFingerprint, String fileName, String key, long bytes,
                  long modifiedMillis, Set<String> usedNames) {
        String cleanKey = normalizeKey(key);
        if (cleanKey == null) {
            return null;
        }
        String name = cleanName(fileName == null || fileName.isBlank() ? cleanKey : fileName);
        String unique = name;
        for (int n = 2; !usedNames.add(unique); n++) {
            int dot = name.lastIndexOf('.');
            unique = dot > 0 ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot) : name + " (" + n + ")";
        }
        Map<String, String> attributes = new LinkedHashMap<>(Requesters.links(ticketId, requesterFingerprint));
        attributes.put(SupportConnector.ITEM_KIND, ITEM_KIND);
        attributes.put("key", cleanKey);
        String revision = bytes >= 0 && modifiedMillis >= 0 ? bytes + ":" + modifiedMillis : null;
        return new ScanItem(source, TicketText.asset(ticketId) + "/" + unique, bytes, modifiedMillis, revision, attributes);
    }

    /** Size and modification time of a local attachment for its item, or {-1, -1} (object stores: not asked). */
    long[] localStat(String key) {
        String clean = normalizeKey(key);
        if (!local || clean == null) {
            return new long[] {-1, -1};
        }
        try {
            Path base = Path.of(root).toAbsolutePath().normalize();
            Path file = base.resolve(clean).normalize();
            if (!file.startsWith(base)) {
                return new long[] {-1, -1}; // the scan reports it as outside the root, without looking at it here
            }
            return new long[] {Files.size(file), Files.getLastModifiedTime(file).toMillis()};
        } catch (java.io.IOException | InvalidPathException | SecurityException e) {
            return new long[] {-1, -1};
        }
    }

    /** Scans one attachment item; never throws. */
    ItemResult scan(ScanItem item, ScanContext context) {
        Map<String, String> links = Requesters.links(item.attribute(Requesters.TICKET), item.attribute(Requesters.REQUESTER));
        String key = item.attribute("key");
        if (files == null || key == null) {
            return failed(item, "no attachments-root for this attachment", links);
        }
        SupportSubjects subjects = new SupportSubjects(context);
        String requester = context.subjectKey() != null && context.subjectKey().reference().equals(requesterKey)
                ? item.attribute(Requesters.REQUESTER) : null;
        ItemResult raw = files.scan(new ScanItem(source, key, item.bytes(), item.modifiedMillis()), context);
        Map<String, String> names = new HashMap<>();
        List<AssetOutcome> assets = new ArrayList<>();
        for (AssetOutcome a : raw.assets()) {
            String renamed = rename(a.asset(), key, item.locator());
            names.put(a.asset(), renamed);
            boolean isFile = renamed.equals(item.locator());
            String detail = isFile && "file not found (removed after listing)".equals(a.detail()) ? NOT_FOUND : a.detail();
            AssetOutcome outcome = new AssetOutcome(source, renamed, isFile ? KIND : a.assetKind(), a.status(), detail,
                    a.bytes(), a.modifiedMillis(), links);
            assets.add(outcome);
            List<SubjectEntry> content = new ArrayList<>();
            for (SubjectEntry e : raw.subjects()) {
                if (e.asset().equals(a.asset())) {
                    content.add(new SubjectEntry(source, renamed, outcome.assetKind(), e.type(), e.fingerprint(), e.count(),
                            e.keys()));
                }
            }
            subjects.addAll(outcome, content, requester);
        }
        List<AssetFinding> findings = new ArrayList<>();
        for (AssetFinding f : raw.findings()) {
            String renamed = names.getOrDefault(f.asset(), rename(f.asset(), key, item.locator()));
            findings.add(new AssetFinding(source, renamed, renamed.equals(item.locator()) ? KIND : f.assetKind(), f.type(),
                    f.count(), f.confidence(), f.sample(), f.explanation(), f.detector()));
        }
        return new ItemResult(assets, findings, subjects.entries(), List.of());
    }

    static ItemResult failed(ScanItem item, String reason, Map<String, String> links) {
        return ItemResult.of(new AssetOutcome(item.source(), item.locator(), KIND, ItemStatus.ERROR, reason,
                item.bytes() >= 0 ? item.bytes() : null, item.modifiedMillis() >= 0 ? item.modifiedMillis() : null, links));
    }

    /** {@code key} -> the item's name; {@code key!/x} -> {@code name!/x}; anything else (a bug) kept under the name. */
    private static String rename(String asset, String key, String name) {
        if (asset.equals(key)) {
            return name;
        }
        if (asset.startsWith(key + SEPARATOR)) {
            return name + asset.substring(key.length());
        }
        return name + SEPARATOR + asset;
    }

    /** A key as a relative, {@code /}-separated path: backslashes turned, leading slashes and {@code ./} dropped. */
    static String normalizeKey(String key) {
        if (key == null) {
            return null;
        }
        String k = key.strip().replace('\\', '/');
        while (k.startsWith("/") || k.startsWith("./")) {
            k = k.substring(k.startsWith("/") ? 1 : 2);
        }
        return k.isEmpty() || k.endsWith("/") ? null : k;
    }

    /** A file name fit for an asset path: no control characters, no nesting separators, at most 255 characters. */
    static String cleanName(String raw) {
        String s = raw.codePoints().filter(cp -> cp >= 0x20 && cp != 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        s = s.replace(SEPARATOR, "_/");
        int slash = s.lastIndexOf('/');
        s = slash >= 0 && slash < s.length() - 1 ? s.substring(slash + 1) : s.replace("/", "_");
        if (s.isEmpty()) {
            s = "attachment";
        }
        return s.length() > 255 ? s.substring(s.length() - 255) : s;
    }

    /** Fresh per-ticket name set. */
    static Set<String> names() {
        return new HashSet<>();
    }
}
