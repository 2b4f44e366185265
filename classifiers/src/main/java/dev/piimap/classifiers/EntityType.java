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
    CREDENTIAL("user.authorization.credentials");

    private final String category;

    EntityType(String category) {
        this.category = category;
    }

    /** The fideslang data category this type belongs to, e.g. {@code user.contact.email}. */
    public String category() {
        return category;
    }
}
