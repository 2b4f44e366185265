package dev.piimap.classifiers.nlp;

import net.datafaker.Faker;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates postal addresses the way each country writes them (US, UK, DE, AT, CH, FR, NL, ES, IT), on
 * one line, over several lines, or the street line alone, plus street words without a number and
 * postcode-plus-city fragments as negatives. Deterministic for a given {@link Random}.
 */
final class AddressFactory {
    enum Layout { ONE_LINE, MULTI_LINE, STREET_ONLY }

    private static final List<String> US_SUFFIXES = List.of("Street", "St", "St.", "Avenue", "Ave", "Ave.", "Road", "Rd",
            "Boulevard", "Blvd", "Lane", "Ln", "Drive", "Dr", "Court", "Ct", "Place", "Pl", "Way", "Terrace", "Parkway",
            "Pkwy", "Circle", "Cir", "Highway", "Trail", "Loop", "Square", "Pike", "Plaza", "Ridge", "Heights");
    private static final List<String> UK_SUFFIXES = List.of("Street", "Road", "Lane", "Avenue", "Close", "Drive", "Way",
            "Gardens", "Crescent", "Place", "Terrace", "Grove", "Hill", "Mews", "Row", "Walk", "Square", "Court", "Park",
            "Rd", "St");
    private static final List<String> STREET_ROOTS = List.of("Main", "Oak", "Maple", "Pine", "Cedar", "Elm", "Park",
            "Washington", "Lake", "Hill", "Church", "High", "Mill", "Station", "Bridge", "Victoria", "King", "Queen",
            "Market", "Union", "Spring", "River", "Sunset", "Highland", "Forest", "Meadow", "Willow", "5th", "3rd",
            "1st", "42nd", "Second", "Third", "Broad", "Chestnut", "Walnut", "Baker", "Abbey", "Kingsway", "Albert");
    private static final List<String> US_CITIES = List.of("Springfield", "Portland", "Austin", "Denver", "Boston",
            "Chicago", "Seattle", "San Diego", "New York", "Brooklyn", "Miami", "Atlanta", "Columbus", "Madison",
            "Oakland", "Tucson", "Fresno", "Omaha", "Raleigh", "Cleveland", "Richmond", "Salt Lake City", "Boise");
    private static final List<String> US_STATES = List.of("AL", "AK", "AZ", "CA", "CO", "CT", "DE", "FL", "GA", "IL",
            "IN", "IA", "KS", "KY", "LA", "MA", "MD", "MI", "MN", "MO", "NC", "NJ", "NY", "OH", "OR", "PA", "TX",
            "UT", "VA", "WA", "WI");
    private static final List<String> UK_CITIES = List.of("London", "Manchester", "Leeds", "Bristol", "Oxford",
            "Cambridge", "York", "Bath", "Brighton", "Glasgow", "Edinburgh", "Cardiff", "Belfast", "Nottingham",
            "Sheffield", "Reading", "Norwich", "Exeter", "Liverpool", "Birmingham");
    private static final List<String> FR_TYPES = List.of("rue", "rue", "rue", "avenue", "boulevard", "place", "quai",
            "impasse", "allée", "chemin", "route", "cours", "passage", "Rue", "Avenue", "Boulevard", "bd");
    private static final List<String> FR_NAMES = List.of("de la Paix", "Victor Hugo", "de Rivoli", "du Faubourg Saint-Honoré",
            "des Lilas", "de la République", "Jean Jaurès", "du Général de Gaulle", "de la Gare", "Pasteur",
            "des Écoles", "Voltaire", "de Verdun", "du Moulin", "d'Alsace", "de l'Église", "Gambetta", "Foch",
            "des Champs-Élysées", "Saint-Michel", "de Belleville", "du Port", "Émile Zola", "de la Liberté");
    private static final List<String> ES_TYPES = List.of("Calle", "Calle", "C/", "Avenida", "Avda.", "Plaza", "Paseo",
            "Camino", "Carretera", "Ronda", "Travesía", "calle");
    private static final List<String> ES_NAMES = List.of("Mayor", "de Alcalá", "Gran Vía", "del Prado", "de la Castellana",
            "de Goya", "Serrano", "de Cervantes", "de la Constitución", "del Sol", "de Gracia", "Real", "Nueva",
            "de San Juan", "de Colón", "de la Libertad", "del Carmen", "de Atocha", "de Valencia", "Diagonal");
    private static final List<String> ES_CITIES = List.of("Madrid", "Barcelona", "Valencia", "Sevilla", "Zaragoza",
            "Málaga", "Bilbao", "Murcia", "Palma", "Granada", "Alicante", "Córdoba", "Valladolid", "Vigo");
    private static final List<String> IT_TYPES = List.of("Via", "Via", "Via", "Viale", "Piazza", "Corso", "Largo",
            "Vicolo", "Strada", "Piazzale", "via");
    private static final List<String> IT_NAMES = List.of("Roma", "Garibaldi", "Giuseppe Verdi", "dei Mille", "del Corso",
            "Dante Alighieri", "della Repubblica", "XX Settembre", "Vittorio Emanuele II", "Cavour", "Mazzini",
            "dei Fiori", "San Marco", "della Libertà", "Nazionale", "Manzoni", "del Popolo", "Torino", "Marconi");
    private static final List<String> IT_CITIES = List.of("Roma", "Milano", "Napoli", "Torino", "Firenze", "Bologna",
            "Genova", "Venezia", "Verona", "Palermo", "Bari", "Padova", "Trieste", "Brescia");
    private static final List<String> IT_PROVINCES = List.of("RM", "MI", "NA", "TO", "FI", "BO", "GE", "VE", "VR", "PA");
    private static final String[] COUNTRIES = {"US", "US", "US", "UK", "UK", "DE", "DE", "AT", "CH", "FR", "FR", "NL",
            "NL", "ES", "IT"};

    private final Random random;
    private final Faker de;
    private final Faker at;
    private final Faker ch;
    private final Faker fr;
    private final Faker nl;

    AddressFactory(Random random) {
        this.random = random;
        de = new Faker(Locale.GERMAN, new Random(random.nextLong()));
        at = new Faker(Locale.forLanguageTag("de-AT"), new Random(random.nextLong()));
        ch = new Faker(Locale.forLanguageTag("de-CH"), new Random(random.nextLong()));
        fr = new Faker(Locale.FRENCH, new Random(random.nextLong()));
        nl = new Faker(Locale.forLanguageTag("nl"), new Random(random.nextLong()));
    }

    Layout layout() {
        double r = random.nextDouble();
        return r < 0.55 ? Layout.ONE_LINE : r < 0.88 ? Layout.MULTI_LINE : Layout.STREET_ONLY;
    }

    /** An address in a random country. */
    String address(Layout layout) {
        return address(COUNTRIES[random.nextInt(COUNTRIES.length)], layout);
    }

    String address(String country, Layout layout) {
        String sep = layout == Layout.MULTI_LINE ? "\n" : ", ";
        return switch (country) {
            case "US" -> {
                String street = number(1, 9999) + " " + (random.nextDouble() < 0.12 ? pick("N", "S", "E", "W", "N.", "East", "West") + " " : "")
                        + pick(STREET_ROOTS) + " " + pick(US_SUFFIXES) + usUnit();
                String city = pick(US_CITIES) + (random.nextBoolean() ? "," : "") + " " + pick(US_STATES) + " "
                        + digits(5) + (random.nextDouble() < 0.15 ? "-" + digits(4) : "");
                yield layout == Layout.STREET_ONLY ? street : street + sep + city;
            }
            case "UK" -> {
                String flat = random.nextDouble() < 0.15 ? "Flat " + number(1, 30) + pick(", ", " ") : "";
                String street = flat + number(1, 250) + " " + pick(STREET_ROOTS) + " " + pick(UK_SUFFIXES);
                String city = pick(UK_CITIES) + (layout == Layout.MULTI_LINE && random.nextBoolean() ? "\n" : " ") + ukPostcode();
                yield layout == Layout.STREET_ONLY ? street : street + sep + city;
            }
            case "DE", "AT", "CH" -> {
                Faker f = country.equals("DE") ? de : country.equals("AT") ? at : ch;
                String street = f.address().streetName() + " " + number(1, 150) + (random.nextDouble() < 0.15 ? pick("a", "b", "c") : "");
                String code = country.equals("DE") ? digits(5) : digits(4);
                String prefix = random.nextDouble() < 0.08 ? (country.equals("DE") ? "D-" : country.equals("AT") ? "A-" : "CH-") : "";
                String city = prefix + code + " " + f.address().cityName();
                yield layout == Layout.STREET_ONLY ? street + sep + city : street + sep + city;
            }
            case "FR" -> {
                String street = number(1, 200) + (random.nextDouble() < 0.08 ? pick(" bis", " ter", "bis") : "")
                        + (random.nextDouble() < 0.2 ? "," : "") + " " + pick(FR_TYPES) + " " + pick(FR_NAMES);
                String city = digits(5) + " " + fr.address().cityName() + (random.nextDouble() < 0.05 ? " Cedex" : "");
                yield layout == Layout.STREET_ONLY ? street : street + sep + city;
            }
            case "NL" -> {
                String street = nl.address().streetName() + " " + number(1, 400)
                        + (random.nextDouble() < 0.2 ? pick("a", "b", "-hs", " II", "A") : "");
                String city = digits(4) + (random.nextDouble() < 0.8 ? " " : "") + upper(2) + " " + nl.address().cityName();
                yield street + sep + city;
            }
            case "ES" -> {
                String street = pick(ES_TYPES) + " " + pick(ES_NAMES) + (random.nextDouble() < 0.7 ? ", " : " ") + number(1, 180)
                        + (random.nextDouble() < 0.3 ? pick(", 3º B", ", 2º izq.", ", 1º", ", bajo") : "");
                String city = digits(5) + " " + pick(ES_CITIES);
                yield layout == Layout.STREET_ONLY ? street : street + sep + city;
            }
            default -> {
                String street = pick(IT_TYPES) + " " + pick(IT_NAMES) + (random.nextDouble() < 0.5 ? ", " : " ") + number(1, 250);
                String city = digits(5) + " " + pick(IT_CITIES) + (random.nextDouble() < 0.4 ? " (" + pick(IT_PROVINCES) + ")" : "");
                yield layout == Layout.STREET_ONLY ? street : street + sep + city;
            }
        };
    }

    /** A street named without a house number, or a postcode with a city: not an address on its own. */
    String fragment() {
        return switch (random.nextInt(6)) {
            case 0 -> pick(STREET_ROOTS) + " " + pick(US_SUFFIXES.subList(0, 12));
            case 1 -> de.address().streetName();
            case 2 -> pick(FR_TYPES) + " " + pick(FR_NAMES);
            case 3 -> digits(5) + " " + de.address().cityName();
            case 4 -> pick(IT_TYPES) + " " + pick(IT_NAMES);
            default -> pick(UK_CITIES) + " " + ukPostcode();
        };
    }

    private String usUnit() {
        double r = random.nextDouble();
        if (r < 0.10) {
            return ", Apt " + number(1, 40) + pick("", "B", "C", "");
        } else if (r < 0.16) {
            return " Suite " + number(100, 999);
        } else if (r < 0.20) {
            return " #" + number(1, 300);
        } else if (r < 0.23) {
            return ", Unit " + number(1, 80);
        }
        return "";
    }

    private String ukPostcode() {
        String area = upper(1 + random.nextInt(2));
        int number = 1 + random.nextInt(random.nextDouble() < 0.6 ? 9 : 99);
        String district = number + (number < 10 && random.nextDouble() < 0.1 ? upper(1) : "");
        return area + district + " " + random.nextInt(10) + upper(2);
    }

    private String number(int from, int to) {
        // House numbers are mostly small.
        int n = random.nextDouble() < 0.7 ? from + random.nextInt(Math.min(to, from + 99) - from + 1) : from + random.nextInt(to - from + 1);
        return String.valueOf(n);
    }

    private String digits(int count) {
        StringBuilder s = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        if (s.charAt(0) == '0' && count == 4) {
            s.setCharAt(0, '1');
        }
        return s.toString();
    }

    private String upper(int count) {
        StringBuilder s = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            s.append((char) ('A' + random.nextInt(26)));
        }
        return s.toString();
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
