package dev.piimap.classifiers.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * What a word says about a person name nearby: given name, family name, a common word or place
 * (from the gazetteer resource {@value #GAZETTEER}), a title, a label such as {@code Name:} or
 * {@code Dear}, or a name particle ({@code van}, {@code de}). The same tags are the model's extra
 * features in training and detection ({@link #features}), and the cheap candidate check asks
 * {@link #isName} and {@link #isCue} before any model runs. Immutable after loading; thread-safe.
 *
 * <p>The gazetteer lists lower-case words, one per line, with flags after a tab: {@code g} given
 * name, {@code f} family name, {@code w} also a common word or place ({@code may}, {@code paris}).
 * It is generated from datafaker's name lists (see {@code classifiers/README.md}).
 */
public final class NameLexicon {
    public static final String GAZETTEER = "nlp/name-gazetteer.txt.gz";

    static final byte GIVEN = 1;
    static final byte FAMILY = 2;
    static final byte WORD = 4;

    /** Titles and honorifics: context for a name, never part of it. */
    static final Set<String> TITLES = Set.of(
            "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "madam",
            "madame", "mme", "mlle", "monsieur", "mademoiselle", "herr", "frau", "hr", "fr", "sr", "sra", "srta",
            "señor", "señora", "senor", "senora", "don", "doña", "dona", "sig", "sig.ra", "signor", "signora",
            "dott", "dott.ssa", "ing", "avv", "rev", "father", "sister", "brother", "pastor", "rabbi",
            "imam", "sheikh", "capt", "captain", "col", "gen", "lt", "sgt", "officer", "det", "judge", "hon",
            "pani", "pan", "dra", "dhr", "mevr", "mw", "heer", "mevrouw", "bay", "bayan", "shri", "smt", "sri", "san",
            "mag", "dipl", "uncle", "aunt", "nurse", "agent", "coach", "president", "senator", "mayor");

    /** Words that introduce or close a name in forms, mail and chat. */
    static final Set<String> LABELS = Set.of(
            "name", "names", "fullname", "firstname", "lastname", "surname", "forename", "from", "to", "cc",
            "bcc", "sender", "recipient", "dear", "hi", "hello", "hey", "regards", "sincerely", "cheers",
            "thanks", "best", "yours", "cordially", "attn", "attention", "contact", "customer", "client",
            "patient", "employee", "user", "username", "signed", "signature", "by", "author", "owner", "holder",
            "cardholder", "beneficiary", "payee", "assignee", "reporter", "requester", "agent", "applicant",
            "tenant", "guest", "passenger", "student", "member", "manager", "witness", "spouse", "mother",
            "father", "son", "daughter", "wife", "husband", "colleague", "nombre", "apellido", "apellidos",
            "nom", "prénom", "prenom", "vorname", "nachname", "naam", "voornaam", "achternaam", "cognome",
            "nome", "imię", "nazwisko", "ad", "soyad", "geehrte", "geehrter", "liebe", "lieber", "grüße",
            "gruß", "bonjour", "cher", "chère", "cordialement", "estimado", "estimada", "saludos", "caro",
            "cara", "gentile", "saluti", "beste", "groeten", "met", "vriendelijke", "atenciosamente", "olá",
            "ola", "prezado", "prezada", "salut", "hallo", "hola", "ciao", "hej", "hoi", "moin", "servus", "tell",
            "congratulations", "welcome", "per", "via", "ask", "call", "told", "asked", "said", "wrote", "meet",
            "with", "and", "named", "called", "aka", "alias", "interviewer", "candidate",
            "assigned", "approved", "created", "updated", "modified", "deleted", "login", "logged", "bill",
            "ship", "sold", "deliver", "delivered", "attendee", "speaker", "host", "doctor", "physician",
            // closings and thanks in several languages
            "atentamente", "cordialmente", "distinti", "cordiali", "grüßen", "grüssen", "gruesse", "freundlichen",
            "freundliche", "groet", "salutations", "greetings", "wishes", "mfg", "lg", "vg", "amicalement",
            "respectueusement", "abrazos", "abraço", "abraços", "respectfully", "warmly", "regds", "rgds", "thx", "merci",
            "danke", "gracias", "grazie", "bedankt", "obrigado", "obrigada");

    /** Titles that are never also a given name or a word that starts a name, so they are cut off a span's start. */
    static final Set<String> STRIPPED_TITLES = Set.of(
            "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "madam", "madame", "mme", "mlle",
            "monsieur", "mademoiselle", "herr", "frau", "hr", "fr", "sr", "sra", "srta", "señor", "señora", "senor",
            "senora", "sig", "sig.ra", "signor", "signora", "dott", "dott.ssa", "ing", "avv", "rev", "capt", "col",
            "gen", "lt", "sgt", "det", "dhr", "mevr", "mw", "heer", "mevrouw", "pani", "bayan", "shri", "smt", "mag",
            "dipl", "dra");

    /**
     * Labels strong enough to look for a name after them when capitalised ({@code Name:}, {@code Dear},
     * {@code Regards}); the broader {@link #LABELS} are only model features.
     */
    static final Set<String> STRONG_LABELS = Set.of(
            "name", "fullname", "firstname", "lastname", "surname", "forename", "from", "sender", "recipient",
            "dear", "hi", "hello", "regards", "sincerely", "cheers", "attn", "attention", "contact", "customer",
            "client", "patient", "employee", "signed", "author", "cardholder", "beneficiary", "payee", "assignee",
            "reporter", "requester", "applicant", "tenant", "guest", "passenger", "nombre", "apellidos", "nom",
            "prénom", "vorname", "nachname", "naam", "cognome", "nome", "nazwisko", "geehrte", "geehrter",
            "liebe", "lieber", "bonjour", "cher", "chère", "estimado", "estimada", "gentile", "beste", "prezado",
            "prezada", "olá", "cordialement", "saludos", "groeten", "atenciosamente", "salut", "hallo", "hola", "ciao",
            "hej", "hoi", "moin", "servus", "thanks", "congratulations", "welcome", "ask", "tell", "cc");

    /**
     * Words that end organisation and street names, never a person's: a span ending in one, or followed
     * by one, is not a person ({@code Globex Industries}, {@code Baker Street}, {@code Ford Motor Co}).
     */
    static final Set<String> NON_PERSON_HEADS = Set.of(
            "street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd", "lane", "ln", "drive", "place",
            "square", "terrace", "parkway", "highway", "plaza", "crescent", "gardens", "mews", "strasse", "straße",
            "inc", "ltd", "llc", "gmbh", "ag", "sa", "sarl", "bv", "nv", "plc", "corp", "corporation", "co", "company",
            "industries", "group", "holdings", "bank", "solutions", "systems", "technologies", "partners",
            "associates", "consulting", "university", "college", "school", "hospital", "clinic", "institute",
            "foundation", "airport", "station", "hotel", "museum", "church", "center", "centre", "airlines",
            "airways", "motors", "labs", "studios", "media", "foods", "pharma", "enterprises", "international",
            "services", "software", "team", "department", "office", "store", "shop", "restaurant", "cafe", "bar",
            "insurance", "cloud", "logistics", "health", "healthcare", "energy", "capital", "finance", "financial",
            "analytics", "networks", "communications", "telecom", "travel", "express", "realty", "properties", "security",
            "electronics", "construction", "digital", "ventures", "trust", "fund", "lp", "llp", "sas", "spa", "srl",
            "kg", "oy", "ab", "pty", "limited", "incorporated", "support", "desk", "service", "pharmaceuticals",
            "therapeutics", "biotech", "dynamics", "robotics", "automotive", "manufacturing", "supplies", "supply",
            "trading", "traders", "marketing", "agency", "studio", "games", "entertainment", "publishing", "council",
            "ministry", "committee", "association", "society", "platform", "portal", "project", "programme", "program",
            "mall", "market", "supermarket", "pharmacy", "bakery", "garage", "gallery", "theatre", "theater",
            "stadium", "zoo", "library", "academy", "lab", "laboratory", "ag.", "e.v", "kft", "sro",
            "bvba", "aps", "asa", "oyj", "sp", "spółka", "gruppe", "werke", "versicherung", "banque", "banco");

    /**
     * Words that start place names ({@code Port Hope}, {@code South Bend}, {@code Lake Placid}, {@code Oud Beijerland}):
     * a span of two or more words starting with one is not a person.
     */
    static final Set<String> PLACE_PREFIXES = Set.of("north", "south", "east", "west", "port", "lake", "new", "mount", "fort",
            "upper", "lower", "nord", "sud", "süd", "ost", "oud", "nieuw", "bad", "sankt", "borgo", "castel", "porto",
            "puerto", "isola", "cape", "point");

    /** Name particles: part of a name when between name words ({@code Ludwig van Beethoven}). */
    static final Set<String> PARTICLES = Set.of(
            "van", "von", "der", "den", "de", "del", "della", "degli", "di", "da", "dos", "das", "do", "du",
            "la", "le", "les", "al", "el", "bin", "binti", "ibn", "ben", "bat", "ter", "ten", "zu", "y", "e",
            "mac", "mc", "st", "san", "santa", "abu", "af", "av", "lo");

    /** Flag of {@link #packedFlags} only: the word is a title or strong label ({@link #isCue}). */
    static final byte CUE = 8;

    private final Map<String, Byte> flags;
    /** {@link #flags} of the words that pack, plus {@link #CUE} on the cue words. */
    private final PackedWords packed;

    private NameLexicon(Map<String, Byte> flags) {
        this.flags = flags;
        Map<String, Byte> withCues = new HashMap<>(flags);
        for (Set<String> cues : List.of(TITLES, STRONG_LABELS)) {
            for (String cue : cues) {
                withCues.merge(cue, CUE, (a, b) -> (byte) (a | b));
            }
        }
        this.packed = new PackedWords(withCues);
    }

    /**
     * For a word {@code text[start, end)} of ASCII letters only, up to {@value PackedWords#MAX_LETTERS} of them:
     * {@link #flagsOf} of it lower-cased, plus {@link #CUE} when {@link #isCue} holds, found without copying it.
     * -1 for any other word, which the caller looks up as a String.
     */
    int packedFlags(CharSequence text, int start, int end) {
        long key = PackedWords.key(text, start, end);
        return key == PackedWords.UNPACKABLE ? -1 : packed.get(key, (byte) 0);
    }

    private static final LazyResource<NameLexicon> SHIPPED = new LazyResource<>(NameLexicon::load);

    /** The shipped lexicon, loaded on first use. @throws IllegalStateException when the resource is missing or unreadable */
    public static NameLexicon shipped() {
        return SHIPPED.get();
    }

    private static NameLexicon load() {
        InputStream raw = NameLexicon.class.getClassLoader().getResourceAsStream(GAZETTEER);
        if (raw == null) {
            throw new IllegalStateException("the name gazetteer " + GAZETTEER + " is not on the class path: the classifiers"
                    + " jar is incomplete; rebuild it, or regenerate the NLP resources as classifiers/README.md describes");
        }
        try (raw) {
            return read(raw);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the name gazetteer " + GAZETTEER, e);
        }
    }

    /** Reads a gazetteer in the shipped format (gzip of {@code word<TAB>flags} lines). */
    static NameLexicon read(InputStream gzipped) throws IOException {
        Map<String, Byte> flags = new HashMap<>(1 << 17);
        BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzipped), StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                throw new IllegalStateException(GAZETTEER + " line " + number + " is '" + line
                        + "': expected a word, a tab and flags (g, f, w)");
            }
            byte f = 0;
            for (int i = tab + 1; i < line.length(); i++) {
                f |= switch (line.charAt(i)) {
                    case 'g' -> GIVEN;
                    case 'f' -> FAMILY;
                    case 'w' -> WORD;
                    default -> throw new IllegalStateException(GAZETTEER + " line " + number + " has flag '"
                            + line.charAt(i) + "': use g (given), f (family) or w (common word)");
                };
            }
            flags.put(line.substring(0, tab), f);
        }
        return new NameLexicon(Map.copyOf(flags));
    }

    /** Flags of a lower-case word; hyphenated and apostrophe words are judged by their parts. */
    byte flagsOf(String lower) {
        Byte f = flags.get(lower);
        if (f != null) {
            return f;
        }
        int apostrophe = Math.max(lower.indexOf('\''), lower.indexOf('’'));
        if (apostrophe > 0 && apostrophe < lower.length() - 1) {
            Byte tail = flags.get(lower.substring(apostrophe + 1));
            return tail == null ? 0 : (byte) (tail & ~WORD);
        }
        int hyphen = lower.indexOf('-');
        if (hyphen > 0 && hyphen < lower.length() - 1) {
            // A name only when every part is a name or a particle (Jean-Luc, Al-Sayed), not a code (TY-5890-BLK).
            byte all = 0;
            boolean allWords = true;
            for (String part : lower.split("-")) {
                Byte p = flags.get(part);
                byte pf = p == null ? 0 : p;
                if ((pf & (GIVEN | FAMILY)) == 0 && !PARTICLES.contains(part)) {
                    return 0;
                }
                all |= (byte) (pf & (GIVEN | FAMILY));
                allWords &= (pf & WORD) != 0 || (pf & (GIVEN | FAMILY)) == 0;
            }
            return all == 0 ? 0 : (byte) (allWords ? all | WORD : all);
        }
        return 0;
    }

    /** A common word or place that is no given or family name ({@code lamp}, {@code monday}). */
    boolean isCommonWord(String lower) {
        byte f = flagsOf(lower);
        return (f & WORD) != 0 && (f & (GIVEN | FAMILY)) == 0;
    }

    /** A hyphenated word all of whose parts are common words and none a name ({@code user-agent}, {@code check-in}). */
    boolean isWordCompound(String lower) {
        if (lower.indexOf('-') <= 0) {
            return false;
        }
        for (String part : lower.split("-")) {
            Byte f = flags.get(part);
            if (f == null || (f & WORD) == 0 || (f & (GIVEN | FAMILY)) != 0) {
                return false;
            }
        }
        return true;
    }

    /** A given or family name that is not also a common word or place: enough to look for a name around it. */
    boolean isName(String lower) {
        byte f = flagsOf(lower);
        return (f & (GIVEN | FAMILY)) != 0 && (f & WORD) == 0;
    }

    /** A title or strong label word: a name may follow. */
    static boolean isCue(String lower) {
        String bare = stripPeriod(lower);
        return TITLES.contains(bare) || STRONG_LABELS.contains(bare);
    }

    /** A title to cut off the start of a name ({@link #STRIPPED_TITLES}). */
    static boolean isStrippedTitle(String lower) {
        return STRIPPED_TITLES.contains(stripPeriod(lower));
    }

    /**
     * How strongly the gazetteer says a token is a name: 1 for a given or family name, 0.5 for one that
     * is also a common word or place, 0 otherwise.
     */
    double nameEvidence(String token) {
        byte f = flagsOf(token.toLowerCase(Locale.ROOT));
        if ((f & (GIVEN | FAMILY)) == 0) {
            return 0;
        }
        return (f & WORD) == 0 ? 1 : 0.5;
    }

    /**
     * The model's extra features: for each token its own gazetteer and cue tags ({@link #tags}), the
     * tags of its neighbours ({@code p:g} the previous token is a given name, {@code n:f} the next a
     * family name), its shape ({@code Xx}, {@code XX} amid lower-case text, {@code X!} on an all-capitals
     * line), whether it starts a line ({@code bol}) and, for capitalised unknown words, the last three letters.
     */
    public String[][] features(String[] tokens) {
        return withContext(tokens, tags(tokens));
    }

    /** Each token's own tags: {@code g f w} (gazetteer), {@code ttl lbl prt ini} (title, label, particle, initial). */
    String[][] tags(String[] tokens) {
        String[][] out = new String[tokens.length][];
        List<String> tags = new ArrayList<>(4);
        for (int i = 0; i < tokens.length; i++) {
            tags.clear();
            String token = tokens[i];
            String lower = token.toLowerCase(Locale.ROOT);
            if (Character.isLetter(token.charAt(0))) {
                byte f = flagsOf(lower);
                if ((f & GIVEN) != 0) {
                    tags.add("g");
                }
                if ((f & FAMILY) != 0) {
                    tags.add("f");
                }
                if ((f & WORD) != 0) {
                    tags.add("w");
                }
                String bare = stripPeriod(lower);
                if (TITLES.contains(bare)) {
                    tags.add("ttl");
                }
                if (LABELS.contains(bare)) {
                    tags.add("lbl");
                }
                if (PARTICLES.contains(lower)) {
                    tags.add("prt");
                }
                if (NameTokenizer.isInitials(token)) {
                    tags.add("ini");
                }
            }
            out[i] = tags.toArray(new String[0]);
        }
        return out;
    }

    /** {@link #features} from tokens and their own tags (training hides some own tags first). */
    static String[][] withContext(String[] tokens, String[][] tags) {
        int n = tokens.length;
        boolean[] lowerLine = new boolean[n];
        for (int i = 0; i < n; ) {
            int j = i;
            boolean lower = false;
            while (j < n && !tokens[j].equals(NameTokenizer.NEWLINE)) {
                lower |= hasLowerCaseWord(tokens[j]);
                j++;
            }
            for (int k = i; k < j; k++) {
                lowerLine[k] = lower;
            }
            i = j + 1;
        }
        String[][] out = new String[n][];
        List<String> f = new ArrayList<>(12);
        for (int i = 0; i < n; i++) {
            f.clear();
            String token = tokens[i];
            f.addAll(List.of(tags[i]));
            if (i > 0) {
                for (String t : tags[i - 1]) {
                    f.add("p:" + t);
                }
            }
            if (i + 1 < n) {
                for (String t : tags[i + 1]) {
                    f.add("n:" + t);
                }
            }
            if (i == 0 || tokens[i - 1].equals(NameTokenizer.NEWLINE)) {
                f.add("bol");
            }
            if (Character.isUpperCase(token.charAt(0))) {
                boolean caps = token.length() > 1 && !hasLowerCase(token);
                f.add(!caps ? "Xx" : lowerLine[i] ? "XX" : "X!");
                if (tags[i].length == 0 && token.length() >= 5 && !caps) {
                    f.add("s3=" + token.substring(token.length() - 3).toLowerCase(Locale.ROOT));
                }
            }
            out[i] = f.toArray(new String[0]);
        }
        return out;
    }

    private static boolean hasLowerCase(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (Character.isLowerCase(token.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A word of two or more characters starting with a letter and holding a lower-case letter. */
    static boolean hasLowerCaseWord(String token) {
        return token.length() >= 2 && Character.isLetter(token.charAt(0)) && hasLowerCase(token);
    }

    static String stripPeriod(String word) {
        return word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
    }

    int size() {
        return flags.size();
    }
}
