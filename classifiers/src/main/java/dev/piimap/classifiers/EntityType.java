package dev.piimap.classifiers;

/**
 * The kinds of personal data the scanner reports. Names are part of the outside contract
 * (CONTRACT.md section 4): never rename one. Each maps to exactly one fideslang data category.
 */
public enum EntityType {
    PERSON("user.name"),
    EMAIL_ADDRESS("user.contact.email"),
    PHONE_NUMBER("user.contact.phone_number"),
    STREET_ADDRESS("user.contact.address"),
    IP_ADDRESS("user.device.ip_address"),
    MAC_ADDRESS("user.device.device_id"),
    USER_AGENT("user.device.browser"),
    CREDIT_CARD("user.financial.bank_account.credit_card"),
    IBAN("user.financial.bank_account"),
    US_SSN("user.government_id.national_identification_number"),
    DATE_OF_BIRTH("user.demographic.date_of_birth"),
    CREDENTIAL("user.authorization.credentials"),

    // Additions beyond the contract's twelve (CONTRACT.md allows more; documented in the README).
    UK_NINO("user.government_id.national_identification_number"),
    UK_NHS_NUMBER("user.government_id.national_identification_number"),
    DE_TAX_ID("user.government_id.national_identification_number"),
    FR_INSEE("user.government_id.national_identification_number"),
    ES_DNI("user.government_id.national_identification_number"),
    IT_FISCAL_CODE("user.government_id.national_identification_number"),
    PASSPORT_NUMBER("user.government_id.passport_number"),
    US_ITIN("user.government_id.national_identification_number"),
    US_ABA_ROUTING("user.financial.bank_account"),
    EU_VAT_ID("user.financial"),
    GEO_COORDINATES("user.location.precise"),
    URL_WITH_PII("user.contact.url");

    private final String category;

    EntityType(String category) {
        this.category = category;
    }

    /** The fideslang data category this type belongs to, e.g. {@code user.contact.email}. */
    public String category() {
        return category;
    }
}
