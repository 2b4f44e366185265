package dev.piimap.classifiers.mask;

import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.validators.BirthDates;
import dev.piimap.classifiers.validators.IpAddresses;
import dev.piimap.classifiers.validators.PhoneNumbers;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Keyed fingerprints of identifiers, so the data map can answer "where does this person's e-mail
 * occur?" without storing the value: HMAC-SHA256 under a secret key of the entity type and the
 * {@link #normalize normalised} value, as 64 lower-case hex digits. The same value under the same
 * key always gives the same fingerprint, whatever its formatting; another key gives another.
 *
 * <p>Immutable and thread-safe (each thread keeps its own initialised MAC, so fingerprinting many values
 * costs one HMAC each, not a provider lookup). Holds a private copy of the key; {@link #toString} never
 * shows it.
 */
public final class Fingerprinter {
    static final String ALGORITHM = "HmacSHA256";
    /** The input whose HMAC identifies a key ({@link #keyId}); never a fingerprinted value, which has a type prefix. */
    static final String KEY_ID_INPUT = "piimap-key-id";
    /** Hex digits of a key id: 64 bits, enough to tell keys apart, too few to help anyone guess one. */
    public static final int KEY_ID_HEX_DIGITS = 16;
    /** The type prefix of {@link #fingerprintRaw} inputs; not an entity type name, so never equal to a typed input. */
    static final String RAW_PREFIX = "RAW:";

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /**
     * @param key the secret key; at least 32 random bytes are recommended. Copied.
     * @throws IllegalArgumentException when the key is null or empty
     */
    public Fingerprinter(byte[] key) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("fingerprint key is empty: give at least 32 random bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** The fingerprint of {@code value} as {@code type}, 64 hex digits. */
    public String fingerprint(EntityType type, String value) {
        return hmacHex(type.name() + ":" + normalize(type, value));
    }

    /**
     * The fingerprint of a value exactly as given (no normalisation, no entity type), 64 hex digits: for
     * values that must be referred to without being shown but are no identifier of a known type, such as a
     * table's row key that holds personal data. Never equal to a {@link #fingerprint typed} fingerprint.
     */
    public String fingerprintRaw(String value) {
        return hmacHex(RAW_PREFIX + (value == null ? "" : value));
    }

    /**
     * Identifies the key without revealing it: the first {@value #KEY_ID_HEX_DIGITS} hex digits of the HMAC
     * of a fixed text. Two fingerprinters have the same key id exactly when (but for a 2^-64 chance) they
     * have the same key, so a reader of stored fingerprints can check it holds the key they were made with.
     */
    public String keyId() {
        return hmacHex(KEY_ID_INPUT).substring(0, KEY_ID_HEX_DIGITS);
    }

    private String hmacHex(String input) {
        Mac mac = macs.get();
        // doFinal resets the MAC, so the thread's instance is ready for the next value.
        return HexFormat.of().formatHex(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable in this JVM", e);
        }
    }

    /**
     * The form of an identifier that is fingerprinted, so formatting does not matter: e-mail trimmed
     * and lower-cased; phone in E.164 when libphonenumber can parse it (else its digits, with a
     * leading {@code +} if written); card and SSN digits only; IBAN letters and digits, upper-cased;
     * IP address in canonical form; national identifiers (NINO, NHS, Steuer-IdNr, NIR, DNI/NIE, codice
     * fiscale, passport, ITIN, routing number, VAT id) letters and digits, upper-cased; MAC address its 12
     * hex digits, lower-cased (colon, dash and Cisco forms agree); date of birth as an ISO date; credential
     * and URL trimmed only (secrets are case-sensitive), a PEM key without its line breaks (real or
     * escaped as {@code \n}); anything else trimmed, whitespace collapsed, lower-cased.
     */
    public static String normalize(EntityType type, String value) {
        String v = value == null ? "" : value.strip();
        return switch (type) {
            case EMAIL_ADDRESS -> v.toLowerCase(Locale.ROOT);
            case PHONE_NUMBER -> {
                String e164 = PhoneNumbers.toE164(v);
                yield e164 != null ? e164 : (v.startsWith("+") ? "+" : "") + v.replaceAll("[^0-9]", "");
            }
            case CREDIT_CARD, US_SSN -> v.replaceAll("[^0-9A-Za-z]", "");
            case IBAN -> v.replaceAll("[^0-9A-Za-z]", "").toUpperCase(Locale.ROOT);
            case IP_ADDRESS -> {
                String canonical = IpAddresses.canonicalForm(v);
                yield canonical != null ? canonical : v.toLowerCase(Locale.ROOT);
            }
            case UK_NINO, UK_NHS_NUMBER, DE_TAX_ID, FR_INSEE, ES_DNI, IT_FISCAL_CODE, PASSPORT_NUMBER, US_ITIN,
                    US_ABA_ROUTING, EU_VAT_ID -> v.replaceAll("[^0-9A-Za-z]", "").toUpperCase(Locale.ROOT);
            case MAC_ADDRESS -> v.replaceAll("[^0-9A-Fa-f]", "").toLowerCase(Locale.ROOT);
            case DATE_OF_BIRTH -> {
                java.time.LocalDate date = BirthDates.parse(v);
                yield date != null ? date.toString() : v.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            }
            case CREDENTIAL -> v.startsWith("-----BEGIN") ? v.replace("\\n", "").replace("\\r", "").replaceAll("\\s+", "") : v;
            case URL_WITH_PII -> v;
            default -> v.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        };
    }

    @Override
    public String toString() {
        return "Fingerprinter[" + ALGORITHM + ", key=***]";
    }
}
