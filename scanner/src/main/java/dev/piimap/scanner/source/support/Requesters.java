package dev.piimap.scanner.source.support;

import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.mask.Fingerprinter;
import dev.piimap.scanner.config.SecretRef;
import dev.piimap.scanner.source.FingerprintKey;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Links of a support asset to its ticket and its data subject: {@code ticket} (the ticket id) and
 * {@code requester}, the keyed fingerprint (HMAC-SHA256, {@link Fingerprinter}) of the requester's e-mail
 * address as {@code EMAIL_ADDRESS}, so {@code dsr locate --email} can find it and the address itself is
 * never stored. Without a key, links carry the ticket only.
 *
 * <p>The key is the UTF-8 bytes of the secret the {@code fingerprint-key} reference points to ({@link FingerprintKey}),
 * resolved where links are made (the driver for listed attachments, executors for ticket batches).
 */
final class Requesters {
    static final String TICKET = "ticket";
    static final String REQUESTER = "requester";

    private final Fingerprinter fingerprinter;

    private Requesters(Fingerprinter fingerprinter) {
        this.fingerprinter = fingerprinter;
    }

    /**
     * @throws FingerprintKey.UnavailableException naming the reference (never the value) when the key cannot be
     *                                             read or is too short
     */
    static Requesters withKey(SecretRef key) {
        return new Requesters(key == null ? null : FingerprintKey.load(key));
    }

    /** The fingerprint of the requester's address, or null without a key or when {@code raw} holds no address. */
    String fingerprint(String raw) {
        String address = address(raw);
        return fingerprinter == null || address == null ? null : fingerprinter.fingerprint(EntityType.EMAIL_ADDRESS, address);
    }

    /** {@code {ticket: id}} plus {@code requester} when a fingerprint is given. */
    static Map<String, String> links(String ticketId, String requesterFingerprint) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put(TICKET, ticketId);
        if (requesterFingerprint != null) {
            links.put(REQUESTER, requesterFingerprint);
        }
        return links;
    }

    /**
     * The e-mail address in a requester value: {@code ana@example.com}, {@code Ana Díaz <ana@example.com>}
     * or {@code mailto:ana@example.com}; null when there is none (e.g. a numeric user id).
     */
    static String address(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        int lt = s.lastIndexOf('<');
        int gt = s.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            s = s.substring(lt + 1, gt).strip();
        }
        if (s.toLowerCase(Locale.ROOT).startsWith("mailto:")) {
            s = s.substring("mailto:".length());
        }
        int at = s.indexOf('@');
        if (at <= 0 || at != s.lastIndexOf('@') || at == s.length() - 1 || s.chars().anyMatch(Character::isWhitespace)) {
            return null;
        }
        return s;
    }
}
