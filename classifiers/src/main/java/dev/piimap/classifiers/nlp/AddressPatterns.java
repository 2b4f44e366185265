package dev.piimap.classifiers.nlp;

import com.google.re2j.Pattern;
import dev.piimap.classifiers.detect.AnchoredSearch;

import java.util.List;
import java.util.Set;

/**
 * The street-address shapes, one RE2J pattern (linear time) per national convention. Each pattern's
 * group 1 is the address: the street line, optionally followed (after a comma, spaces or a line break)
 * by postcode and city in that country's order. Group 2, when set, is that postcode/city tail.
 */
final class AddressPatterns {
    /**
     * A named shape with its score without and with the postcode/city tail. Its pattern is searched
     * anchored, only where a match may start ({@link AnchoredSearch}): unanchored, the alternations of
     * street types would start RE2J threads at every character of a region.
     */
    record Shape(String name, AnchoredSearch search, double streetScore, double fullScore) {
        Pattern pattern() {
            return search.pattern();
        }
    }

    private static final String CAP = "\\p{Lu}[\\p{L}\\p{M}'’.\\-]*";
    private static final String SP = "[ \\t]+";
    private static final String SPO = "[ \\t]*";
    private static final String SEP = "(?:[ \\t]*,[ \\t]*(?:\\r?\\n[ \\t]*)?|[ \\t]*\\r?\\n[ \\t]*|[ \\t]+)";
    private static final String NUM = "\\d{1,5}[a-zA-Z]?(?:[-/]\\d{1,4}[a-zA-Z]?)?";
    private static final String END = "(?:[^\\p{L}\\p{N}]|$)";

    /** English street types (USPS suffixes and British usage), matched in any case. */
    static final Set<String> EN_TYPES = Set.of("street", "st", "road", "rd", "avenue", "ave", "av", "boulevard", "blvd",
            "lane", "ln", "drive", "dr", "court", "ct", "place", "pl", "square", "sq", "terrace", "ter", "way",
            "parkway", "pkwy", "highway", "hwy", "circle", "cir", "trail", "trl", "loop", "pike", "plaza", "ridge",
            "heights", "close", "crescent", "cres", "gardens", "gdns", "grove", "hill", "mews", "row", "walk", "park",
            "green", "parade", "rise", "wharf", "quay", "alley", "landing", "crossing", "expressway", "turnpike",
            "causeway", "esplanade", "embankment", "broadway", "throughway", "trwy", "stravenue", "stra", "underpass",
            "overpass", "freeway", "fwy", "expy", "tpke", "trafficway", "skyway", "motorway", "bypass", "gateway",
            "gtwy", "junction", "junctions", "jct", "crossroad", "crossroads", "xing", "knoll", "knolls", "hollow",
            "holw", "manor", "manors", "meadows", "orchard", "oval", "radial", "stream", "summit", "ranch", "viaduct",
            "commons", "estates", "glen", "harbor", "harbour", "haven", "vista", "shores", "springs", "spur", "spurs",
            "cliffs", "trace", "rapids", "shoals", "valley");
    /**
     * Further USPS street suffixes (Publication 28) that are also ordinary words ({@code Key}, {@code View},
     * {@code Mission}): a street with one of these counts only with its postcode/state tail.
     */
    static final Set<String> EN_TAIL_TYPES = Set.of("aly", "annex", "arcade", "bayou", "beach", "bend", "bluff",
            "bluffs", "bottom", "branch", "bridge", "brook", "brooks", "burg", "burgs", "camp", "canyon", "cape", "center",
            "centers", "centre", "circles", "cliff", "club", "common", "corner", "corners", "course", "courts", "cove",
            "coves", "creek", "crest", "curve", "dale", "dam", "divide", "drives", "estate", "extension", "extensions",
            "fall", "falls", "ferry", "field", "fields", "flat", "flats", "ford", "fords", "forest", "forge", "forges",
            "fork", "forks", "fort", "garden", "glens", "greens", "groves", "harbors", "hills", "inlet", "island",
            "islands", "isle", "key", "keys", "lake", "lakes", "land", "light", "lights", "loaf", "lock", "locks",
            "lodge", "mall", "meadow", "mill", "mills", "mission", "mount", "mountain", "mountains", "neck", "pass",
            "passage", "path", "pine", "pines", "plain", "plains", "point", "points", "port", "ports", "prairie",
            "parks", "ramp", "rapid", "rest", "ridges", "river", "roads", "route", "run", "shoal", "shore", "spring", "squares",
            "station", "streets", "track", "trailer", "tunnel", "union", "unions", "valleys", "view", "views", "village", "villages",
            "ville", "walks", "wall", "ways", "well", "wells");
    static final Set<String> FR_TYPES = Set.of("rue", "avenue", "av", "boulevard", "bd", "bld", "place", "quai",
            "impasse", "allée", "allee", "chemin", "route", "cours", "passage", "square", "voie", "villa", "cité",
            "faubourg", "sentier", "esplanade", "promenade", "parvis", "résidence", "hameau");
    static final Set<String> ES_TYPES = Set.of("calle", "c/", "avenida", "avda", "plaza", "pza", "paseo", "camino",
            "carretera", "ctra", "ronda", "travesía", "travesia", "glorieta", "rambla", "carrer", "vía", "pasaje");
    static final Set<String> IT_TYPES = Set.of("via", "viale", "piazza", "piazzale", "corso", "largo", "vicolo", "strada",
            "contrada", "lungomare", "lungotevere", "borgo", "salita", "rotonda", "località", "vico");
    /** German and Dutch street names end in these ({@code Hauptstraße}, {@code Keizersgracht}). */
    static final List<String> COMPOUND_SUFFIXES = List.of("straße", "strasse", "str.", "weg", "gasse", "platz", "allee",
            "ring", "damm", "ufer", "chaussee", "steig", "pfad", "markt", "graben", "zeile", "kai", "stieg", "anger",
            "straat", "laan", "park", "plein", "gracht", "kade", "singel", "dijk", "steeg", "dreef", "baan", "plantsoen",
            "burgwal", "haven", "vägen", "gatan", "gade", "vej", "veien", "gata", "utca");

    /** Whether a word before a period is a street type written short ({@code st}, {@code str}, {@code avda}). */
    static boolean isAbbreviatedType(String lower) {
        return lower.length() <= 5 && (EN_TYPES.contains(lower) || EN_TAIL_TYPES.contains(lower) || FR_TYPES.contains(lower)
                || ES_TYPES.contains(lower) || IT_TYPES.contains(lower) || lower.equals("str"));
    }

    private static String alternation(Set<String> words) {
        return "(?i:" + String.join("|", words.stream().sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).toList()) + ")";
    }

    private static final String EN_TYPE = alternation(EN_TYPES) + "\\.?";
    private static final String EN_TAIL_TYPE = alternation(EN_TAIL_TYPES) + "\\.?";
    private static final String FR_TYPE = alternation(FR_TYPES) + "\\.?";
    private static final String ES_TYPE = "(?:" + alternation(ES_TYPES) + "\\.?|C/)";
    private static final String IT_TYPE = "(?:" + alternation(IT_TYPES) + "|V\\.le|P\\.za|C\\.so)";
    private static final String COMPOUND = CAP + "(?:[ \\-]" + CAP + "){0,3}";
    private static final String SUFFIXED = "(?:" + CAP + "[ \\-]){0,3}[\\p{L}\\p{M}\\-]*" + alternation(Set.copyOf(COMPOUND_SUFFIXES));
    /** German street names starting with a preposition ({@code Am Markt 3}), matched as written. */
    static final List<String> DE_PREFIXES = List.of("Am", "An der", "An den", "Im", "In der", "In den", "Auf der", "Auf dem", "Zum",
            "Zur", "Unter den", "Hinter der", "Vor dem");
    private static final String PREFIXED_DE = "(?:" + String.join("|", DE_PREFIXES) + ")"
            + SP + CAP + "(?:" + SP + CAP + ")?";
    private static final String CITY = CAP + "(?:[ \\-]" + CAP + "|[ \\-](?:am|an der|an|im|in|bei|ob|sur|sous|en|le|la|les|de la|de las|de los|de|du|d'|l'|upon|on|del|della|dei|di|sul|al|aan de|aan den|aan het|op|bij|ter|ten)[ \\-]" + CAP + "){0,3}";
    private static final String UNIT = "(?:,?" + SP + "(?i:apt|apartment|suite|ste|unit|flat|floor|fl|room|rm|bldg)\\.?" + SPO + "#?[A-Za-z0-9\\-]{1,6}|,?" + SP + "#[0-9]{1,5}[A-Za-z]?)";
    private static final String US_TAIL = CITY + ",?" + SP + "[A-Z]{2}" + SP + "\\d{5}(?:-\\d{4})?";
    private static final String UK_POSTCODE = "[A-Z]{1,2}\\d[A-Z\\d]?" + SPO + "\\d[A-Z]{2}";
    private static final String UK_TAIL = "(?:" + CITY + SEP + ")?" + UK_POSTCODE;
    private static final String EU_TAIL5 = "(?:[A-Z]{1,2}-)?\\d{5}" + SP + CITY + "(?:" + SP + "(?:\\(?[A-Z]{2}\\)?|(?i:cedex)(?:" + SP + "\\d{1,2})?))?";
    private static final String EU_TAIL4 = "(?:[A-Z]{1,2}-)?\\d{4}" + SP + CITY;
    private static final String NL_TAIL = "\\d{4}" + "[ \\t]?[A-Z]{2},?" + SP + CITY;

    /** Bits of {@link #SHAPES} by index, for {@link AddressAnchors}. */
    static final int EN = 1;
    static final int FR = 1 << 1;
    static final int ES = 1 << 2;
    static final int IT = 1 << 3;
    static final int DE_NL = 1 << 4;
    static final int POSTCODE_CITY = 1 << 5;
    static final int EN_TAIL = 1 << 6;
    static final int IT_LOWER = 1 << 7;
    /** The shapes a postcode before a city may end: every shape with a European tail. */
    static final int POSTCODE_SHAPES = FR | ES | IT | DE_NL | POSTCODE_CITY | IT_LOWER;

    static final List<Shape> SHAPES = List.of(
            shape("en", enStreet(EN_TYPE), "(?:" + US_TAIL + "|" + UK_TAIL + ")", 0.65, 0.92),
            shape("fr", NUM + "(?:" + SPO + "(?:bis|ter|[bt]))?,?" + SP + FR_TYPE + "(?:,?" + SP + FR_TYPE + ")?" + SP
                    + "(?:(?:(?i:de la|de l['’]|du|des|de|d['’]|la|le|les|aux|au)" + SPO + ")?(?:" + CAP + "|\\d{1,2})" + "(?:" + SP
                    + "(?:de la|de|du|des|la|le|les|et|sur|en|d['’]|l['’])?" + SPO + CAP + "){0,4})", EU_TAIL5, 0.65, 0.92),
            shape("es", ES_TYPE + SPO + "(?:(?:de la|de los|de las|del|de|la|el|los|las)" + SP + ")?" + CAP + "(?:" + SP
                    + "(?:(?:de la|de|del|la|los|las|y)" + SP + ")?" + CAP + "){0,4},?" + SP + "(?:(?i:n[º°o]\\.?)" + SPO + ")?(?:\\d{1,4}|(?i:s/n))"
                    + "(?:,?" + SP + "(?:\\d{1,2}[º°ª]?(?:" + SPO + "(?:[A-Z]|(?i:izq|izda|dcha|dch)\\.?))?|(?i:bajo|ático|atico)))?", EU_TAIL5, 0.65, 0.92),
            shape("it", IT_TYPE + SP + "(?:(?:dei|del|della|delle|degli|dello|di|d['’])" + SPO + ")?(?:" + CAP + "|\\d{1,2})(?:" + SP
                    + "(?:(?:dei|del|della|di|e)" + SP + ")?(?:" + CAP + ")){0,4},?" + SP + "\\d{1,4}[a-zA-Z]?(?:/[a-zA-Z0-9]{1,3})?", EU_TAIL5, 0.65, 0.92),
            shape("de-nl", "(?:" + SUFFIXED + "|" + PREFIXED_DE + ")" + SP + NUM + "(?:" + SPO + "(?:[a-zA-Z]|-?hs|I{1,3}))?",
                    "(?:" + NL_TAIL + "|" + EU_TAIL5 + "|" + EU_TAIL4 + ")", 0.65, 0.92),
            shape("postcode-city", COMPOUND + SP + "\\d{1,4}[a-zA-Z]?", "(?:" + NL_TAIL + "|" + EU_TAIL5 + "|" + EU_TAIL4 + ")", 0.0, 0.72),
            shape("en", enStreet(EN_TAIL_TYPE), "(?:" + US_TAIL + "|" + UK_TAIL + ")", 0.0, 0.92),
            shape("it", IT_TYPE + SP + CAP + "(?:" + SP + "\\p{Ll}[\\p{L}\\p{M}'’]*){1,2},?" + SP + "\\d{1,4}[a-zA-Z]?", EU_TAIL5, 0.0, 0.85));

    /** An English-language street line ending in a street type: {@code Apt 4 12 N Oak Street SE, Suite 5}. */
    private static String enStreet(String type) {
        return "(?:(?i:flat|apartment|apt|unit|suite|ste)\\.?" + SPO + "#?[A-Za-z0-9]{1,5},?" + SP + ")?" + NUM + SP
                + "(?:(?:[NSEW]|North|South|East|West)\\.?" + SP + ")?(?:(?:" + CAP + "|\\d{1,3}(?i:st|nd|rd|th))" + SP + "){1,4}"
                + type + "(?:" + SP + "(?:NE|NW|SE|SW|[NSEW])\\.?)?" + UNIT + "?";
    }

    private AddressPatterns() {
    }

    /** A street part, optionally followed by its tail; with {@code streetScore} 0 the tail is required. */
    private static Shape shape(String name, String street, String tail, double streetScore, double fullScore) {
        String optional = streetScore > 0 ? "?" : "";
        return new Shape(name, new AnchoredSearch(Pattern.compile("(" + street + "(?:" + SEP + "(" + tail + "))" + optional + ")" + END)),
                streetScore, fullScore);
    }
}
