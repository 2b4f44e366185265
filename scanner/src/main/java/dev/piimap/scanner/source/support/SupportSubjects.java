package dev.piimap.scanner.source.support;

import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.mask.Fingerprinter;
import dev.piimap.classifiers.summary.SubjectCollector;
import dev.piimap.scanner.source.AssetOutcome;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.SubjectEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * The subject index entries of one support item. Each asset of a ticket (its text, an attachment, what is
 * inside an attachment; whatever its outcome, since a skipped attachment still belongs to the customer) gets
 * an {@code EMAIL_ADDRESS} entry for the ticket's requester with the key {@code ticket <id>}, so
 * {@code dsr locate --email} finds every asset of a customer's tickets even where the address is not in the
 * content. When the address is also in the content, the two are one entry: the content's count, and the
 * ticket key before the content's keys. Without a subject key (the run keeps no index) nothing is collected.
 * Not thread-safe: one instance per item.
 */
final class SupportSubjects {
    static final String TICKET_KEY = "ticket ";

    private final Fingerprinter fingerprinter;
    private final List<SubjectEntry> entries = new ArrayList<>();

    /**
     * @throws dev.piimap.scanner.source.FingerprintKey.UnavailableException when the run's key cannot be read here
     */
    SupportSubjects(ScanContext context) {
        this.fingerprinter = context.subjectFingerprinter();
    }

    /** A subject index for one asset's content, or null when the run keeps none. */
    SubjectCollector newCollector() {
        return fingerprinter == null ? null : new SubjectCollector(fingerprinter);
    }

    /** The subject fingerprint of a requester value ({@link Requesters#address}), or null without a key or an address. */
    String requester(String raw) {
        String address = Requesters.address(raw);
        return fingerprinter == null || address == null ? null : fingerprinter.fingerprint(EntityType.EMAIL_ADDRESS, address);
    }

    /**
     * Adds one asset's entries: those of its content (null: none) and, given a requester fingerprint and a ticket
     * link, the requester's.
     */
    void add(AssetOutcome asset, SubjectCollector content, String requesterFingerprint) {
        if (fingerprinter == null) {
            return;
        }
        List<SubjectEntry> own = SubjectEntry.of(asset.source(), asset.asset(), asset.assetKind(), content);
        String ticket = asset.links() == null ? null : asset.links().get(Requesters.TICKET);
        entries.addAll(withRequester(own, asset, ticket, requesterFingerprint));
    }

    /** Adds entries made elsewhere (an attachment's, renamed), with the requester's entry merged in. */
    void addAll(AssetOutcome asset, List<SubjectEntry> content, String requesterFingerprint) {
        if (fingerprinter == null) {
            return;
        }
        String ticket = asset.links() == null ? null : asset.links().get(Requesters.TICKET);
        entries.addAll(withRequester(content, asset, ticket, requesterFingerprint));
    }

    List<SubjectEntry> entries() {
        return List.copyOf(entries);
    }

    /** {@code content} with the requester's entry for {@code asset} merged in (no requester or ticket: unchanged). */
    static List<SubjectEntry> withRequester(List<SubjectEntry> content, AssetOutcome asset, String ticketId,
                                            String requesterFingerprint) {
        if (requesterFingerprint == null || ticketId == null) {
            return content;
        }
        String key = TICKET_KEY + ticketId;
        List<SubjectEntry> out = new ArrayList<>(content.size() + 1);
        boolean merged = false;
        for (SubjectEntry e : content) {
            if (!merged && e.type() == EntityType.EMAIL_ADDRESS && e.fingerprint().equals(requesterFingerprint)) {
                List<String> keys = new ArrayList<>();
                keys.add(key);
                keys.addAll(e.keys());
                out.add(new SubjectEntry(e.source(), e.asset(), e.assetKind(), e.type(), e.fingerprint(), e.count(), keys));
                merged = true;
            } else {
                out.add(e);
            }
        }
        if (!merged) {
            out.add(new SubjectEntry(asset.source(), asset.asset(), asset.assetKind(), EntityType.EMAIL_ADDRESS,
                    requesterFingerprint, 1, List.of(key)));
        }
        return out;
    }
}
