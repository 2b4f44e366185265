package dev.piimap.classifiers.nlp;

import dev.piimap.classifiers.EntityType;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Expands sentence templates into annotated texts: each {@code {SLOT}} (capitals and digits; other
 * braces are literal text) becomes a generated value,
 * and person names and addresses are recorded as gold {@link Mention}s. Deterministic: the same seed,
 * templates and count give the same samples. Slots:
 * <ul>
 *   <li>people: {@code {NAME}} (any style), {@code {FIRST}} (given name), {@code {LAST}} (family name),
 *       {@code {TNAME}} (title, not tagged, then the name), {@code {LF}} (Family, Given), {@code {CAPS}};
 *       {@code {EMAIL}} and {@code {USER}} derive from the last person, {@code {OEMAIL}} is a role address;</li>
 *   <li>addresses: {@code {ADDR}} (any layout), {@code {ADDR1}} (one line), {@code {ADDRML}} (several lines),
 *       {@code {FRAG}} (street without number or postcode with city: not tagged);</li>
 *   <li>the same person again within a sample: {@code {P1}}..{@code {P4}} (full name, written one way),
 *       {@code {G1}} (given), {@code {S1}} (family), {@code {T1}} (title, not tagged, then family),
 *       {@code {E1}} (e-mail) and {@code {U1}} (login) of person 1, and so on;</li>
 *   <li>capitalised non-names ({@link ThingFactory}): {@code {PRODX} {FIRM} {TOWN} {JOB} {LABELW} {ACRO}
 *       {CODE} {IDENT} {HTTPM}}, and {@code {FADDR}} (a datafaker address, tagged as an address);</li>
 *   <li>other: {@code {CITY} {COUNTRY} {COMPANY} {PRODUCT} {MONTH} {WEEKDAY} {TEAM} {OPENER} {DATE} {TIME}
 *       {NUM} {ORDER} {TICKET} {AMOUNT} {PHONE} {IP}}; {@code {MSG}} is replaced by a chat message of
 *       {@link RecordTemplates#MESSAGES} before expansion.</li>
 * </ul>
 * A few samples are written all in capitals or all in lower case.
 */
final class CorpusGenerator {
    static final String PERSON_TYPE = "person";
    private static final List<String> DOMAINS = List.of("example.com", "example.org", "mail.example.net", "corp.example",
            "example.de", "example.fr", "example.co.uk", "example.nl", "example.es", "example.it");

    private static final List<String> FUNCTION_WORDS = List.of("the", "a", "an", "to", "and", "of", "in", "for", "with",
            "on", "at", "by", "from", "is", "was", "will", "be", "has", "have", "we", "you", "i", "he", "she", "they",
            "it", "this", "that", "our", "your", "their", "not", "but", "or", "as", "if", "so", "about", "after",
            "before", "please", "can", "could", "would", "should", "all", "some", "more", "no", "yes", "also");

    private final Random random;
    private final NameFactory names;
    private final AddressFactory addresses;
    private final ThingFactory things;
    private final List<String> fillers;

    /** {@code inventedShare}: the share of people whose names the gazetteer does not know. */
    CorpusGenerator(long seed, NameLexicon lexicon, double inventedShare) {
        this.random = new Random(seed);
        this.names = new NameFactory(new Random(random.nextLong()), lexicon, inventedShare);
        this.addresses = new AddressFactory(new Random(random.nextLong()));
        this.things = new ThingFactory(new Random(random.nextLong()));
        this.fillers = GazetteerBuilder.englishWords();
    }

    /** {@code count} samples, each from one template picked at random. */
    List<Sample> generate(List<String> templates, int count) {
        return generate(templates, count, 0, 0);
    }

    /**
     * {@code count} samples: a share {@code randomShare} are random word sequences with names and
     * capitalised non-names at random places (so the model cannot learn the templates' wording
     * instead of names), a share {@code pairShare} are two templates joined, the rest one template.
     */
    List<Sample> generate(List<String> templates, int count, double randomShare, double pairShare) {
        List<Sample> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double r = random.nextDouble();
            if (r < randomShare) {
                out.add(expand(randomTemplate()));
            } else if (r < randomShare + pairShare) {
                String joint = random.nextBoolean() ? " " : "\n";
                out.add(expand(templates.get(random.nextInt(templates.size())) + joint + templates.get(random.nextInt(templates.size()))));
            } else {
                out.add(expand(templates.get(random.nextInt(templates.size()))));
            }
        }
        return out;
    }

    /** A template of random words with person, place, product and other slots at random positions. */
    private String randomTemplate() {
        StringBuilder t = new StringBuilder();
        int length = 4 + random.nextInt(16);
        boolean sentenceStart = true;
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                t.append(' ');
            }
            double r = random.nextDouble();
            if (r < 0.11) {
                t.append(pick(List.of("{NAME}", "{NAME}", "{NAME}", "{FIRST}", "{FIRST}", "{TNAME}", "{LF}", "{CAPS}")));
            } else if (r < 0.22) {
                t.append(pick(List.of("{CITY}", "{COUNTRY}", "{COMPANY}", "{PRODUCT}", "{MONTH}", "{WEEKDAY}", "{TEAM}", "{OPENER}",
                        "{PRODX}", "{FIRM}", "{TOWN}", "{JOB}", "{LABELW}", "{ACRO}", "{CODE}")));
            } else if (r < 0.25) {
                t.append(pick(List.of("{NUM}", "{DATE}", "{ORDER}", "{AMOUNT}", "{TIME}")));
            } else {
                String w = random.nextDouble() < 0.45 ? pick(FUNCTION_WORDS) : pick(fillers);
                t.append(sentenceStart || random.nextDouble() < 0.03 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
            }
            sentenceStart = false;
            double p = random.nextDouble();
            if (p < 0.08) {
                t.append(',');
            } else if (p < 0.12 && i < length - 1) {
                t.append(pick(List.of(".", "!", "?", ":")));
                sentenceStart = true;
            }
        }
        return t.append(pick(List.of(".", ".", "?", "!", ""))).toString();
    }

    /** The people of one sample for {@code {P1}}..{@code {P4}} and their other slots, each written one way. */
    private final class Cast {
        private final PersonName[] people = new PersonName[5];
        private final String[] full = new String[5];
        private final String[] family = new String[5];

        PersonName person(int k) {
            if (people[k] == null) {
                people[k] = names.next();
            }
            return people[k];
        }

        String full(int k) {
            if (full[k] == null) {
                full[k] = names.render(person(k), false);
            }
            return full[k];
        }

        String family(int k) {
            if (family[k] == null) {
                family[k] = names.family(person(k));
            }
            return family[k];
        }
    }

    /** Replaces each {@code {MSG}} with a message of {@link RecordTemplates#MESSAGES}. */
    private String withMessages(String template) {
        if (!template.contains("{MSG}")) {
            return template;
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        int at;
        while ((at = template.indexOf("{MSG}", from)) >= 0) {
            out.append(template, from, at).append(pick(RecordTemplates.MESSAGES));
            from = at + 5;
        }
        return out.append(template.substring(from)).toString();
    }

    Sample expand(String template) {
        template = withMessages(template);
        StringBuilder text = new StringBuilder();
        List<Mention> mentions = new ArrayList<>();
        Cast cast = new Cast();
        PersonName current = null;
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                text.append(template, i, template.length());
                break;
            }
            text.append(template, i, open);
            int close = template.indexOf('}', open);
            if (close < 0 || !template.substring(open + 1, close).matches("[A-Z0-9]+")) {
                text.append('{');
                i = open + 1;
                continue;
            }
            String slot = template.substring(open + 1, close);
            i = close + 1;
            switch (slot) {
                case "NAME", "FIRST", "LAST", "LF", "CAPS", "TNAME" -> {
                    current = names.next();
                    String written = switch (slot) {
                        case "NAME" -> names.render(current, false);
                        case "FIRST" -> current.given();
                        case "LAST" -> names.family(current);
                        case "LF" -> names.family(current) + ", " + current.given();
                        case "CAPS" -> names.render(current, false).toUpperCase(Locale.ROOT);
                        default -> {
                            text.append(names.title(current)).append(' ');
                            yield random.nextBoolean() ? names.family(current) : names.render(current, false);
                        }
                    };
                    mentions.add(new Mention(EntityType.PERSON, text.length(), text.length() + written.length()));
                    text.append(written);
                }
                case "P1", "P2", "P3", "P4", "G1", "G2", "G3", "G4", "S1", "S2", "S3", "S4", "T1", "T2", "T3", "T4" -> {
                    int k = slot.charAt(1) - '0';
                    current = cast.person(k);
                    String written = switch (slot.charAt(0)) {
                        case 'P' -> cast.full(k);
                        case 'G' -> current.given();
                        case 'S' -> cast.family(k);
                        default -> {
                            text.append(names.title(current)).append(' ');
                            yield cast.family(k);
                        }
                    };
                    mentions.add(new Mention(EntityType.PERSON, text.length(), text.length() + written.length()));
                    text.append(written);
                }
                case "E1", "E2", "E3", "E4" -> text.append(names.email(cast.person(slot.charAt(1) - '0'), pick(DOMAINS)));
                case "U1", "U2", "U3", "U4" -> text.append(names.username(cast.person(slot.charAt(1) - '0')));
                case "PRODX" -> text.append(things.product());
                case "FIRM" -> text.append(things.company());
                case "TOWN" -> text.append(things.town());
                case "JOB" -> text.append(things.job());
                case "LABELW" -> text.append(things.label());
                case "ACRO" -> text.append(things.acronym());
                case "CODE" -> text.append(things.code());
                case "IDENT" -> text.append(things.identifier());
                case "HTTPM" -> text.append(pick(List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")));
                case "FADDR" -> {
                    String written = things.fakerAddress();
                    mentions.add(new Mention(EntityType.STREET_ADDRESS, text.length(), text.length() + written.length()));
                    text.append(written);
                }
                case "EMAIL" -> text.append(names.email(current != null ? current : names.next(), pick(DOMAINS)));
                case "USER" -> text.append(names.username(current != null ? current : names.next()));
                case "OEMAIL" -> text.append(pick(List.of("support", "billing", "noreply", "info", "sales", "hr", "it-help", "orders")))
                        .append('@').append(pick(DOMAINS));
                case "ADDR", "ADDR1", "ADDRML" -> {
                    AddressFactory.Layout layout = slot.equals("ADDR1") ? AddressFactory.Layout.ONE_LINE
                            : slot.equals("ADDRML") ? AddressFactory.Layout.MULTI_LINE : addresses.layout();
                    String written = addresses.address(layout);
                    mentions.add(new Mention(EntityType.STREET_ADDRESS, text.length(), text.length() + written.length()));
                    text.append(written);
                }
                case "FRAG" -> text.append(addresses.fragment());
                case "CITY" -> text.append(pick(Vocabulary.CITIES));
                case "COUNTRY" -> text.append(pick(Vocabulary.COUNTRIES));
                case "COMPANY" -> text.append(pick(Vocabulary.COMPANIES));
                case "PRODUCT" -> text.append(pick(Vocabulary.PRODUCTS));
                case "MONTH" -> text.append(capitalise(pick(Vocabulary.MONTHS)));
                case "WEEKDAY" -> text.append(capitalise(pick(Vocabulary.WEEKDAYS)));
                case "TEAM" -> text.append(pick(Vocabulary.TEAMS));
                case "OPENER" -> text.append(pick(Vocabulary.OPENERS));
                case "DATE" -> text.append(date());
                case "TIME" -> text.append(String.format(Locale.ROOT, "%02d:%02d", random.nextInt(24), random.nextInt(60)));
                case "NUM" -> text.append(1 + random.nextInt(random.nextBoolean() ? 12 : 500));
                case "ORDER" -> text.append(pick(List.of("#", "ORD-", "SO", "A-", "")) ).append(10000 + random.nextInt(900000));
                case "TICKET" -> text.append(pick(List.of("INC", "REQ", "SUP-", "JIRA-", "CS-"))).append(100 + random.nextInt(99900));
                case "AMOUNT" -> text.append(pick(List.of("$", "€", "£", "EUR ", "USD "))).append(1 + random.nextInt(2000))
                        .append('.').append(String.format(Locale.ROOT, "%02d", random.nextInt(100)));
                case "PHONE" -> text.append(pick(List.of("+1 415 555 ", "+44 20 7946 ", "+49 30 901820", "(212) 555-", "+33 1 23 45 ")))
                        .append(String.format(Locale.ROOT, "%04d", random.nextInt(10000)));
                case "IP" -> text.append("10.").append(random.nextInt(256)).append('.').append(random.nextInt(256)).append('.')
                        .append(1 + random.nextInt(254));
                default -> throw new IllegalArgumentException("unknown slot {" + slot + "} in template: " + template);
            }
        }
        String written = text.toString();
        double c = random.nextDouble();
        if (c < 0.04) {
            written = sameLength(written, written.toUpperCase(Locale.ROOT));
        } else if (c < 0.06) {
            written = sameLength(written, written.toLowerCase(Locale.ROOT));
        }
        return new Sample(template, written, List.copyOf(mentions));
    }

    /**
     * The sample in OpenNLP name-sample format ({@code <START:person> Jane Doe <END>}), tokens as
     * {@link NameTokenizer} makes them, or null when a person's name does not start and end on token
     * boundaries (the sample is then left out of training).
     */
    static String toNameSample(Sample sample) {
        NameTokenizer.Tokens tokens = NameTokenizer.tokenize(sample.text());
        List<Span> spans = new ArrayList<>();
        for (Mention m : sample.mentionsOf(EntityType.PERSON)) {
            int first = -1;
            int last = -1;
            for (int t = 0; t < tokens.size(); t++) {
                if (tokens.starts()[t] == m.start()) {
                    first = t;
                }
                if (tokens.ends()[t] == m.end()) {
                    last = t;
                }
            }
            if (first < 0 || last < first) {
                return null;
            }
            spans.add(new Span(first, last + 1, PERSON_TYPE));
        }
        return new NameSample(tokens.tokens(), spans.toArray(new Span[0]), true).toString();
    }

    private String date() {
        int d = 1 + random.nextInt(28);
        int m = 1 + random.nextInt(12);
        int y = 2018 + random.nextInt(8);
        return switch (random.nextInt(4)) {
            case 0 -> String.format(Locale.ROOT, "%04d-%02d-%02d", y, m, d);
            case 1 -> String.format(Locale.ROOT, "%02d/%02d/%04d", m, d, y);
            case 2 -> String.format(Locale.ROOT, "%02d.%02d.%04d", d, m, y);
            default -> d + " " + capitalise(Vocabulary.MONTHS.get(m - 1)) + " " + y;
        };
    }

    private static String sameLength(String original, String changed) {
        return changed.length() == original.length() ? changed : original;
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
