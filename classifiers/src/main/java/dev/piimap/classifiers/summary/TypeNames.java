package dev.piimap.classifiers.summary;

import dev.piimap.classifiers.EntityType;

/** How explanations name an entity type: "an e-mail address", "e-mail addresses". */
final class TypeNames {
    private TypeNames() {
    }

    static String singular(EntityType type) {
        return switch (type) {
            case PERSON -> "person's name";
            case EMAIL_ADDRESS -> "e-mail address";
            case PHONE_NUMBER -> "phone number";
            case STREET_ADDRESS -> "street address";
            case IP_ADDRESS -> "IP address";
            case MAC_ADDRESS -> "MAC address";
            case USER_AGENT -> "user-agent string";
            case CREDIT_CARD -> "card number";
            case IBAN -> "IBAN";
            case US_SSN -> "US social security number";
            case DATE_OF_BIRTH -> "date of birth";
            case CREDENTIAL -> "credential";
            case UK_NINO -> "UK national insurance number";
            case UK_NHS_NUMBER -> "NHS number";
            case DE_TAX_ID -> "German tax ID";
            case FR_INSEE -> "French INSEE number";
            case ES_DNI -> "Spanish DNI/NIE";
            case IT_FISCAL_CODE -> "Italian fiscal code";
            case PASSPORT_NUMBER -> "passport number";
            case US_ITIN -> "US ITIN";
            case US_ABA_ROUTING -> "ABA routing number";
            case EU_VAT_ID -> "EU VAT ID";
            case GEO_COORDINATES -> "geo-coordinate pair";
            case URL_WITH_PII -> "URL carrying personal data";
        };
    }

    static String plural(EntityType type) {
        return switch (type) {
            case PERSON -> "person names";
            case DATE_OF_BIRTH -> "dates of birth";
            case ES_DNI -> "Spanish DNIs/NIEs";
            case IT_FISCAL_CODE -> "Italian fiscal codes";
            case EMAIL_ADDRESS, STREET_ADDRESS, IP_ADDRESS, MAC_ADDRESS -> singular(type) + "es";
            default -> singular(type) + "s";
        };
    }

    static String withArticle(EntityType type) {
        String noun = singular(type);
        // By sound, not spelling: "an IBAN", "an NHS number", "a US ...", "a UK ...", "a EU ...".
        boolean an = switch (type) {
            case EMAIL_ADDRESS, IP_ADDRESS, IBAN, UK_NHS_NUMBER, US_ABA_ROUTING, IT_FISCAL_CODE -> true;
            default -> false;
        };
        return (an ? "an " : "a ") + noun;
    }

    static String counted(long n, EntityType type) {
        return String.format(java.util.Locale.ROOT, "%,d %s", n, n == 1 ? singular(type) : plural(type));
    }
}
