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
        };
    }

    static String plural(EntityType type) {
        return switch (type) {
            case PERSON -> "person names";
            case DATE_OF_BIRTH -> "dates of birth";
            case EMAIL_ADDRESS, STREET_ADDRESS, IP_ADDRESS, MAC_ADDRESS -> singular(type) + "es";
            default -> singular(type) + "s";
        };
    }

    static String withArticle(EntityType type) {
        String noun = singular(type);
        // "a US ...", "a user-agent": a leading 'u' sounded "you" takes "a".
        boolean vowelSound = "aeioAEIO".indexOf(noun.charAt(0)) >= 0;
        return (vowelSound ? "an " : "a ") + noun;
    }

    static String counted(long n, EntityType type) {
        return String.format(java.util.Locale.ROOT, "%,d %s", n, n == 1 ? singular(type) : plural(type));
    }
}
