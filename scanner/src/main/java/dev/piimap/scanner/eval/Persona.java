package dev.piimap.scanner.eval;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import net.datafaker.Faker;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * One fictitious person of a country: names from datafaker's locale data, and a birth date, e-mail,
 * phone number and postal address written the way that country writes them. Phone numbers are
 * checked with libphonenumber so that every labelled number is a dialable shape.
 */
record Persona(Country country, String givenName, String surname, boolean female, LocalDate birthDate, String email,
               String phone, String address) {

    enum Country {
        US("en-US", "US"), GB("en-GB", "GB"), DE("de-DE", "DE"), FR("fr-FR", "FR"), NL("nl-NL", "NL"), ES("es-ES", "ES"),
        IT("it-IT", "IT");

        final Locale locale;
        final String region;

        Country(String tag, String region) {
            this.locale = Locale.forLanguageTag(tag);
            this.region = region;
        }
    }

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final List<String> MAIL_DOMAINS = List.of("gmail.com", "outlook.com", "yahoo.com", "proton.me", "icloud.com",
            "gmx.de", "web.de", "orange.fr", "free.fr", "ziggo.nl", "kpnmail.nl", "telefonica.net", "libero.it", "btinternet.com",
            "northwind.example", "fernwood-media.com", "kestrel-insure.eu");
    private static final String[] US_AREAS = {"201", "206", "212", "213", "303", "305", "312", "404", "415", "469", "503", "512",
            "602", "617", "646", "702", "713", "718", "805", "917"};
    private static final Map<Country, String[]> PHONE_SHAPES = new EnumMap<>(Map.of(
            Country.US, new String[] {"(AAA) EEE-SSSS", "AAA-EEE-SSSS", "AAA.EEE.SSSS", "+1 AAA EEE SSSS", "+1-AAA-EEE-SSSS", "+1 (AAA) EEE-SSSS"},
            Country.GB, new String[] {"07#&& &&&&&&", "+44 7#&& &&&&&&", "020 7&&& &&&&", "+44 20 3&&& &&&&", "0161 &&& &&&&", "+44 (0)7#&& &&&&&&"},
            Country.DE, new String[] {"0151 &&&&&&&&", "+49 151 &&&&&&&&", "+49 170 &&&&&&&", "030 &&&&&&&&", "+49 30 &&&&&&&&", "089 &&&&&&&", "+49 (0)176 &&&&&&&&"},
            Country.FR, new String[] {"06 && && && &&", "+33 6 && && && &&", "07 && && && &&", "01 && && && &&", "+33 1 && && && &&", "06.&&.&&.&&.&&"},
            Country.NL, new String[] {"06-&&&&&&&&", "+31 6 &&&&&&&&", "06 &&&& &&&&", "020-&&&&&&&", "+31 20 &&& &&&&", "010 &&& &&&&"},
            Country.ES, new String[] {"6&& &&& &&&", "+34 6&& &&& &&&", "91 &&& && &&", "+34 91&&&&&&&", "7&& &&& &&&"},
            Country.IT, new String[] {"34& &&& &&&&", "+39 34& &&& &&&&", "+39 33& &&&&&&&", "06 &&&& &&&&", "+39 02 &&&& &&&&"}));
    /** Numbers from further countries, always written with their country code. */
    private static final String[][] FOREIGN_PHONES = {
            {"IN", "+91 9&&&& &&&&&"}, {"AU", "+61 4&& &&& &&&"}, {"BR", "+55 11 9&&&&-&&&&"}, {"JP", "+81 90-&&&&-&&&&"},
            {"CA", "+1 416 EEE SSSS"}, {"CH", "+41 79 &&& && &&"}, {"PL", "+48 5&& &&& &&&"}, {"SE", "+46 70 &&& && &&"},
            {"MX", "+52 55 &&&& &&&&"}, {"ZA", "+27 82 &&& &&&&"}, {"BE", "+32 47& && && &&"}, {"AT", "+43 664 &&&&&&&"}};

    /** Makes personas from datafaker locales; one instance per corpus, used from one thread. */
    static final class Factory {
        private final Map<Country, Faker> fakers = new EnumMap<>(Country.class);
        private final Random random;

        Factory(Random random) {
            this.random = random;
            for (Country c : Country.values()) {
                fakers.put(c, new Faker(c.locale, new Random(random.nextLong())));
            }
        }

        Persona next(Country country) {
            Faker f = fakers.get(country);
            String given = f.name().firstName();
            String surname = f.name().lastName();
            LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(66 * 365));
            return new Persona(country, given, surname, random.nextBoolean(), birth, email(given, surname), phone(country),
                    address(country, f));
        }

        Persona next() {
            return next(Country.values()[random.nextInt(Country.values().length)]);
        }

        /** A phone number of some other country (India, Brazil, Japan, ...), international form. */
        String foreignPhone() {
            String[] shape = FOREIGN_PHONES[random.nextInt(FOREIGN_PHONES.length)];
            return validPhone(shape[1], shape[0]);
        }

        String cityOf(Country country) {
            return fakers.get(country).address().cityName();
        }

        private String email(String given, String surname) {
            String g = ValidIds.lettersOnly(given).toLowerCase(Locale.ROOT);
            String s = ValidIds.lettersOnly(surname).toLowerCase(Locale.ROOT);
            String domain = MAIL_DOMAINS.get(random.nextInt(MAIL_DOMAINS.size()));
            return switch (random.nextInt(5)) {
                case 0 -> g + "." + s + "@" + domain;
                case 1 -> g.charAt(0) + "." + s + "@" + domain;
                case 2 -> g + s + (10 + random.nextInt(90)) + "@" + domain;
                case 3 -> s + "_" + g.charAt(0) + "@" + domain;
                default -> g + "+" + ValidIds.pick(random, "shop", "news", "work") + "@" + domain;
            };
        }

        private String phone(Country country) {
            if (random.nextInt(8) == 0) {
                return foreignPhone();
            }
            String[] shapes = PHONE_SHAPES.get(country);
            return validPhone(shapes[random.nextInt(shapes.length)], country.region);
        }

        /** Fills a shape (A area, E exchange, S subscriber, # a digit 4-9, &amp; any digit) until libphonenumber accepts it. */
        private String validPhone(String shape, String region) {
            for (int attempt = 0; ; attempt++) {
                String area = US_AREAS[random.nextInt(US_AREAS.length)];
                String exchange = (2 + random.nextInt(8)) + ValidIds.digits(random, 2);
                StringBuilder sb = new StringBuilder();
                int a = 0;
                int e = 0;
                for (char c : shape.toCharArray()) {
                    switch (c) {
                        case 'A' -> sb.append(area.charAt(a++));
                        case 'E' -> sb.append(exchange.charAt(e++));
                        case 'S', '&' -> sb.append((char) ('0' + random.nextInt(10)));
                        case '#' -> sb.append((char) ('4' + random.nextInt(6)));
                        default -> sb.append(c);
                    }
                }
                String candidate = sb.toString();
                if (exchange.equals("555") && shape.contains("E")) {
                    continue; // 555 exchanges are fictional numbers
                }
                try {
                    if (PHONES.isValidNumber(PHONES.parse(candidate, region)) || attempt > 50) {
                        return candidate;
                    }
                } catch (NumberParseException ignored) {
                    // draw again
                }
            }
        }

        private String address(Country country, Faker f) {
            String city = f.address().cityName();
            int number = 1 + random.nextInt(random.nextBoolean() ? 40 : 300);
            return switch (country) {
                case US -> {
                    String line = (100 + random.nextInt(9800)) + " " + f.address().streetName();
                    String rest = city + ", " + f.address().stateAbbr() + " " + String.format(Locale.ROOT, "%05d", 1000 + random.nextInt(98000));
                    yield random.nextInt(4) == 0 ? line + "\n" + rest : line + ", " + rest;
                }
                case GB -> {
                    String line = number + " " + f.address().streetName();
                    String postcode = f.address().zipCode();
                    yield random.nextInt(4) == 0 ? line + "\n" + city + "\n" + postcode : line + ", " + city + " " + postcode;
                }
                case DE -> f.address().streetName() + " " + number + ", " + String.format(Locale.ROOT, "%05d", 1000 + random.nextInt(98000)) + " " + city;
                case FR -> number + (random.nextInt(6) == 0 ? " bis " : " ") + f.address().streetName() + ", "
                        + String.format(Locale.ROOT, "%05d", 1000 + random.nextInt(94000)) + " " + city;
                case NL -> f.address().streetName() + " " + number + ", " + (1000 + random.nextInt(9000)) + " "
                        + ValidIds.from(random, "ABCDEFGHJKLMNPRSTVWXZ", 2) + " " + city;
                case ES -> ValidIds.pick(random, "Calle", "Avenida", "Paseo", "Calle de") + " " + f.name().lastName() + " " + number + ", "
                        + String.format(Locale.ROOT, "%05d", 1000 + random.nextInt(51000)) + " " + city;
                case IT -> ValidIds.pick(random, "Via", "Viale", "Corso", "Piazza") + " " + f.name().lastName() + " " + number + ", "
                        + String.format(Locale.ROOT, "%05d", 10 + random.nextInt(98000)) + " " + city;
            };
        }
    }

    String fullName() {
        return givenName + " " + surname;
    }

    /** The birth date as this country writes it, in one of a few common styles. */
    String birthDate(Random r) {
        String[] patterns = switch (country) {
            case US -> new String[] {"MM/dd/yyyy", "MMMM d, yyyy", "yyyy-MM-dd", "M/d/yyyy"};
            case GB -> new String[] {"dd/MM/yyyy", "d MMMM yyyy", "yyyy-MM-dd", "d MMM yyyy"};
            case DE -> new String[] {"dd.MM.yyyy", "d. MMMM yyyy", "yyyy-MM-dd"};
            case FR -> new String[] {"dd/MM/yyyy", "d MMMM yyyy", "yyyy-MM-dd"};
            case NL -> new String[] {"dd-MM-yyyy", "d MMMM yyyy", "dd/MM/yyyy"};
            case ES -> new String[] {"dd/MM/yyyy", "d 'de' MMMM 'de' yyyy", "dd-MM-yyyy"};
            case IT -> new String[] {"dd/MM/yyyy", "d MMMM yyyy", "dd.MM.yyyy"};
        };
        return DateTimeFormatter.ofPattern(patterns[r.nextInt(patterns.length)], country.locale).format(birthDate);
    }

    /** The birth date in ISO form, as systems write it. */
    String birthDateIso() {
        return birthDate.toString();
    }
}
