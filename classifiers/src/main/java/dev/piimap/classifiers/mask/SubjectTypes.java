package dev.piimap.classifiers.mask;

import dev.piimap.classifiers.EntityType;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The entity types kept in the subject index, by keyed fingerprint, for data-subject requests: identifiers
 * that name one person and that a person can hand over to ask "where is my data?". E-mail address, phone
 * number, US SSN and ITIN, the national identifiers (UK NINO and NHS number, German Steuer-IdNr, French NIR,
 * Spanish DNI/NIE, Italian codice fiscale, passport number), IBAN and card number.
 *
 * <p>Left out on purpose: {@code EU_VAT_ID} and {@code US_ABA_ROUTING} identify companies and banks, not
 * people, and would fill the index with every supplier on every invoice; {@code PERSON},
 * {@code STREET_ADDRESS} and {@code DATE_OF_BIRTH} are not unique and have no reliable normal form;
 * {@code IP_ADDRESS}, {@code MAC_ADDRESS} and {@code USER_AGENT} are device data shared by many people (and
 * would swamp the index from any log file); {@code CREDENTIAL}, {@code URL_WITH_PII} and
 * {@code GEO_COORDINATES} are not identifiers a subject would present.
 */
public final class SubjectTypes {
    /** The indexed types, in {@link EntityType} order. */
    public static final Set<EntityType> INDEXED = Collections.unmodifiableSet(EnumSet.of(
            EntityType.EMAIL_ADDRESS, EntityType.PHONE_NUMBER, EntityType.CREDIT_CARD, EntityType.IBAN,
            EntityType.US_SSN, EntityType.UK_NINO, EntityType.UK_NHS_NUMBER, EntityType.DE_TAX_ID,
            EntityType.FR_INSEE, EntityType.ES_DNI, EntityType.IT_FISCAL_CODE, EntityType.PASSPORT_NUMBER,
            EntityType.US_ITIN));

    private SubjectTypes() {
    }

    public static boolean isIndexed(EntityType type) {
        return type != null && INDEXED.contains(type);
    }

    /**
     * The indexed type named {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException listing the indexed types when it is none of them; the message does not
     *                                  repeat {@code name}, which may be a mistyped value
     */
    public static EntityType parse(String name) {
        String n = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        for (EntityType type : INDEXED) {
            if (type.name().equals(n)) {
                return type;
            }
        }
        throw new IllegalArgumentException("not an indexed type; use one of " + names());
    }

    /** The indexed types' names, comma-separated. */
    public static String names() {
        return INDEXED.stream().map(Enum::name).collect(Collectors.joining(", "));
    }
}
