package dev.piimap.classifiers.nlp;

import net.datafaker.Faker;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Generates people from many cultures (datafaker locales in Latin script, {@link RomanisedNames}, and
 * invented names no gazetteer knows) and writes their names in the ways people do: full, with middle
 * names or initials, family name first, with particles, hyphenated, double surnames, capitals.
 * Deterministic for a given {@link Random}.
 */
final class NameFactory {
    private static final Pattern LATIN = Pattern.compile("[\\p{IsLatin}\\p{M}'’ \\-]+");
    private static final String[][] DATAFAKER_LOCALES = {
            {"en-US", "6"}, {"en-GB", "4"}, {"en-IN", "2"}, {"en-NG", "1.5"}, {"en-ZA", "1"}, {"en-SG", "1"},
            {"en-AU", "1"}, {"en-IE", "0.5"}, {"en-PAK", "1"}, {"de", "3"}, {"de-AT", "1"}, {"de-CH", "1"},
            {"fr", "3"}, {"es", "2.5"}, {"es-MX", "1.5"}, {"it", "2.5"}, {"nl", "2.5"}, {"pl", "1.5"},
            {"pt-BR", "2"}, {"tr", "1.5"}, {"sv", "1"}, {"nb-NO", "0.7"}, {"da-DK", "0.7"}, {"fi-FI", "0.7"},
            {"hu", "1"}, {"cs-CZ", "1"}, {"hr", "0.7"}, {"vi", "1"}, {"id", "1"}, {"ca", "0.5"}};
    private static final double ROMANISED_WEIGHT = 1.2;
    /** Given names that are also English words or places (the gazetteer flags most as common words). */
    private static final List<String> WORD_NAMES = List.of("Bob", "Sally", "Grace", "Will", "Rose", "Mark", "Bill", "Dawn",
            "Hope", "Joy", "May", "June", "April", "Faith", "Amber", "Ruby", "Jack", "Frank", "Guy", "Pat", "Rob", "Sue",
            "Art", "Ray", "Holly", "Ivy", "Daisy", "Iris", "Lily", "Violet", "Jade", "Crystal", "Pearl", "Autumn", "Summer",
            "Sky", "Hunter", "Chase", "Mason", "Carter", "Penny", "Sandy", "Rusty", "Chip", "Lance", "Drew", "Grant",
            "Miles", "Royal", "Paris", "Sydney", "Austin", "Dallas", "Florence", "Georgia", "Virginia", "Victoria",
            "Charlotte", "Chester", "Denver", "India", "China", "Aurora", "Nova", "Max", "Destiny", "Patience", "Constance",
            "Angel", "Honey", "Misty", "Rocky", "Sonny", "Buddy", "Rich", "Gene", "Earl", "Duke", "Prince", "Bishop");
    /** Share of English-speaking people whose given name is one of {@link #WORD_NAMES}. */
    private static final double WORD_NAME_SHARE = 0.25;
    private static final String[] SYLLABLES = {
            "ka", "lo", "mi", "ra", "zu", "te", "no", "vi", "sha", "dre", "bal", "tor", "quen", "yar", "mel", "dos",
            "ix", "ul", "fen", "gor", "hal", "jin", "kez", "lum", "mav", "nor", "pel", "ris", "sot", "tav", "ur",
            "wen", "xo", "yel", "zan", "bri", "cal", "dun", "esk", "fay", "gil", "hox", "ilo", "jas", "kor", "lis"};

    private record Culture(String id, Faker faker, RomanisedNames romanised, double weight) {
    }

    private final Random random;
    private final List<Culture> cultures = new ArrayList<>();
    private final double totalWeight;
    private final NameLexicon lexicon;
    private final double inventedShare;

    /** {@code inventedShare}: the share of people with invented names, unknown to the gazetteer. */
    NameFactory(Random random, NameLexicon lexicon, double inventedShare) {
        this.random = random;
        this.lexicon = lexicon;
        this.inventedShare = inventedShare;
        double total = 0;
        for (String[] l : DATAFAKER_LOCALES) {
            Faker f = new Faker(Locale.forLanguageTag(l[0]), new Random(random.nextLong()));
            double w = Double.parseDouble(l[1]);
            cultures.add(new Culture(l[0], f, null, w));
            total += w;
        }
        for (RomanisedNames r : RomanisedNames.ALL) {
            cultures.add(new Culture(r.culture(), null, r, ROMANISED_WEIGHT));
            total += ROMANISED_WEIGHT;
        }
        totalWeight = total;
    }

    PersonName next() {
        if (random.nextDouble() < inventedShare) {
            return new PersonName("invented", invented(), random.nextDouble() < 0.15 ? invented() : null, invented(), false);
        }
        Culture c = culture();
        if (c.id().startsWith("en") && random.nextDouble() < WORD_NAME_SHARE) {
            // A given name that is also a word or place, so the model learns it from the family name beside it.
            return new PersonName(c.id(), pick(WORD_NAMES), null, latin(() -> c.faker().name().lastName()), false);
        }
        if (c.romanised() != null) {
            RomanisedNames r = c.romanised();
            String middle = random.nextDouble() < 0.1 ? pick(r.given()) : null;
            return new PersonName(c.id(), pick(r.given()), middle, pick(r.family()), r.familyFirst() && random.nextDouble() < 0.5);
        }
        String given = latin(() -> c.faker().name().firstName());
        String family = latin(() -> c.faker().name().lastName());
        String middle = random.nextDouble() < 0.12 ? latin(() -> c.faker().name().firstName()) : null;
        boolean familyFirst = c.id().equals("hu") && random.nextDouble() < 0.6;
        return new PersonName(c.id(), given, middle, family, familyFirst);
    }

    private Culture culture() {
        double pick = random.nextDouble() * totalWeight;
        for (Culture candidate : cultures) {
            pick -= candidate.weight();
            if (pick < 0) {
                return candidate;
            }
        }
        return cultures.get(cultures.size() - 1);
    }

    private String latin(java.util.function.Supplier<String> source) {
        for (int i = 0; i < 20; i++) {
            String s = source.get().trim();
            if (LATIN.matcher(s).matches() && !s.isEmpty()) {
                return s;
            }
        }
        return invented();
    }

    /** A pronounceable name that the gazetteer does not list. */
    String invented() {
        while (true) {
            StringBuilder s = new StringBuilder();
            int parts = 2 + random.nextInt(2);
            for (int i = 0; i < parts; i++) {
                s.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            String name = Character.toUpperCase(s.charAt(0)) + s.substring(1);
            if (lexicon.flagsOf(name.toLowerCase(Locale.ROOT)) == 0) {
                return name;
            }
        }
    }

    /** The family name, sometimes with a particle, hyphenated or doubled as the culture does. */
    String family(PersonName p) {
        String f = p.family();
        double r = random.nextDouble();
        String culture = p.culture();
        if (r < 0.10 && (culture.startsWith("nl") || culture.startsWith("de") || culture.startsWith("fr")
                || culture.startsWith("es") || culture.startsWith("it") || culture.startsWith("pt")) && !f.contains(" ")) {
            String[] particles = switch (culture.substring(0, 2)) {
                case "nl" -> new String[] {"van", "van der", "van den", "de", "ter", "van de"};
                case "de" -> new String[] {"von", "von der", "zu"};
                case "fr" -> new String[] {"de", "du", "Le", "de la"};
                case "es" -> new String[] {"de", "del", "de la"};
                case "it" -> new String[] {"Di", "De", "Lo", "Della"};
                default -> new String[] {"da", "dos", "de"};
            };
            return pick(particles) + " " + f;
        }
        if (r < 0.16 && (culture.startsWith("en-GB") || culture.startsWith("en-IE") || culture.startsWith("en-US"))) {
            return (random.nextBoolean() ? "O'" : "Mc") + f;
        }
        if (r < 0.22 && !f.contains("-")) {
            return f + "-" + otherFamily(p);
        }
        if (r < 0.34 && (culture.startsWith("es") || culture.startsWith("pt") || culture.equals("ca"))) {
            return f + " " + otherFamily(p);
        }
        return f;
    }

    private String otherFamily(PersonName p) {
        return next().family().split("[ -]")[0];
    }

    /** The name as written, in one of the usual styles. {@code allowGivenOnly} permits just the given name. */
    String render(PersonName p, boolean allowGivenOnly) {
        String family = family(p);
        String given = p.given();
        double r = random.nextDouble();
        String out;
        if (allowGivenOnly && r < 0.12) {
            out = given;
        } else if (r < 0.50 || p.familyFirst() && r < 0.62) {
            out = p.familyFirst() ? family + " " + given : given + " " + family;
        } else if (r < 0.60 && p.middle() != null) {
            out = given + " " + p.middle() + " " + family;
        } else if (r < 0.68) {
            out = given + " " + initial(p.middle() != null ? p.middle() : invented()) + " " + family;
        } else if (r < 0.75) {
            out = initial(given) + " " + family;
        } else if (r < 0.79) {
            String sep = random.nextBoolean() ? " " : "";
            out = initial(given) + sep + initial(p.middle() != null ? p.middle() : invented()) + " " + family;
        } else if (r < 0.86) {
            out = family + ", " + given;
        } else if (r < 0.90) {
            out = family.toUpperCase(Locale.ROOT) + " " + given;
        } else {
            out = given + " " + family;
        }
        double c = random.nextDouble();
        if (c < 0.05) {
            out = out.toUpperCase(Locale.ROOT);
        } else if (c < 0.065) {
            out = out.toLowerCase(Locale.ROOT);
        }
        return out;
    }

    String title(PersonName p) {
        String[] titles = switch (p.culture().length() >= 2 ? p.culture().substring(0, 2) : p.culture()) {
            case "de" -> new String[] {"Herr", "Frau", "Dr.", "Prof. Dr.", "Hr.", "Fr."};
            case "fr" -> new String[] {"M.", "Mme", "Mlle", "Dr", "Monsieur", "Madame"};
            case "es" -> new String[] {"Sr.", "Sra.", "Srta.", "Dr.", "Don", "Doña"};
            case "it" -> new String[] {"Sig.", "Sig.ra", "Dott.", "Ing.", "Avv."};
            case "nl" -> new String[] {"Dhr.", "Mevr.", "Dr."};
            case "pt" -> new String[] {"Sr.", "Sra.", "Dr.", "Dra."};
            case "pl" -> new String[] {"Pan", "Pani", "Dr"};
            default -> new String[] {"Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Ms", "Dr", "Prof.", "Miss", "Sir"};
        };
        return pick(titles);
    }

    /** A login name derived from the person: jdoe, jane.doe, doe_j. */
    String username(PersonName p) {
        String g = ascii(p.given()).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        String f = ascii(p.family()).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (g.isEmpty()) {
            g = "user";
        }
        if (f.isEmpty()) {
            f = "x";
        }
        return switch (random.nextInt(5)) {
            case 0 -> g.charAt(0) + f;
            case 1 -> g + "." + f;
            case 2 -> f + "_" + g.charAt(0);
            case 3 -> g + random.nextInt(100);
            default -> g.charAt(0) + "." + f;
        };
    }

    String email(PersonName p, String domain) {
        String user = username(p);
        return user + "@" + domain;
    }

    static String ascii(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^\\x00-\\x7f]", "");
    }

    private String initial(String name) {
        return Character.toUpperCase(name.charAt(0)) + ".";
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    <T> T pick(T[] array) {
        return array[random.nextInt(array.length)];
    }
}
