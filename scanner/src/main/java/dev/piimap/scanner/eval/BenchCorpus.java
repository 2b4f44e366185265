package dev.piimap.scanner.eval;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * An in-memory corpus for throughput measurements: documents of 4-32 KB mixing prose, application
 * logs, CSV rows and JSON objects, in which roughly 2% of the white-space separated tokens belong to
 * personal data (names, e-mails, phones, cards, IBANs, IPs, user agents, credentials, national IDs).
 * Deterministic by seed. Counts tokens so the measured density can be reported.
 */
public final class BenchCorpus {
    private static final String[] WORDS = ("the of and to in a is that for it as was with be by on not he this are or his from at which "
            + "but have an they you were her all she there would their we him been has when who will more no if out so said what up its "
            + "about into than them can only other new some could time these two may then do first any my now such like our over man me "
            + "even most made after also did many before must through back years where much your way well down should because each just "
            + "those people how too little state good very make world still own see men work long get here between both life being under "
            + "never day same another know while last might us great old year off come since against go came right used take three "
            + "customer order shipment invoice account service request payment delivery warehouse report update release team project "
            + "meeting review budget contract support ticket issue system data server network backup storage cluster region").split(" ");
    private static final String[] SERVICES = {"OrderService", "PaymentGateway", "InventorySync", "AuthFilter", "ReportJob", "MailRelay"};
    private static final String[] PRODUCTS = {"Aurora Desk Lamp", "Nordic Oak Shelf", "Vector Pro Keyboard", "Halo Air Purifier", "Atlas Monitor Arm"};
    private static final int POOL = 1_000;

    private final List<String> documents;
    private final long chars;
    private final long utf8Bytes;
    private final long tokens;
    private final long entityTokens;

    private BenchCorpus(List<String> documents, long tokens, long entityTokens) {
        this.documents = List.copyOf(documents);
        long c = 0;
        long b = 0;
        for (String d : documents) {
            c += d.length();
            b += d.getBytes(StandardCharsets.UTF_8).length;
        }
        this.chars = c;
        this.utf8Bytes = b;
        this.tokens = tokens;
        this.entityTokens = entityTokens;
    }

    /** Generates documents until their UTF-8 size reaches {@code targetBytes}. */
    public static BenchCorpus generate(long seed, long targetBytes) {
        return new Builder(seed).build(targetBytes);
    }

    /** What a document is made of: {@link #MIXED} is {@link #generate}'s blend, the others one kind of text alone. */
    public enum Shape { MIXED, PROSE, LOG_LINES, CSV_ROWS, JSON_LINES }

    /**
     * An endless source of documents (4-32 KB each) of one shape with the same entity density as
     * {@link #generate}, for corpora too large to hold in memory; deterministic by seed. {@code MIXED}
     * gives the documents of {@code generate(seed, n)} in the same order. Not thread-safe: one caller.
     */
    public static Supplier<String> documents(long seed, Shape shape) {
        Builder builder = new Builder(seed);
        return () -> builder.next(shape);
    }

    public List<String> documents() {
        return documents;
    }

    public long chars() {
        return chars;
    }

    public long utf8Bytes() {
        return utf8Bytes;
    }

    /** Share of white-space separated tokens that belong to an entity value. */
    public double entityTokenShare() {
        return tokens == 0 ? 0 : (double) entityTokens / tokens;
    }

    private static final class Builder {
        private final Random r;
        private final SceneContext c;
        private final List<Persona> people = new ArrayList<>(POOL);
        private final StringBuilder doc = new StringBuilder(32 * 1024);
        private long tokens;
        private long entityTokens;

        Builder(long seed) {
            this.c = new SceneContext(new Random(seed));
            this.r = c.r;
            for (int i = 0; i < POOL; i++) {
                people.add(c.people.next());
            }
        }

        BenchCorpus build(long targetBytes) {
            List<String> documents = new ArrayList<>();
            long bytes = 0;
            while (bytes < targetBytes) {
                String d = next(Shape.MIXED);
                tokens += countTokens(d);
                documents.add(d);
                bytes += d.getBytes(StandardCharsets.UTF_8).length;
            }
            return new BenchCorpus(documents, tokens, entityTokens);
        }

        String next(Shape shape) {
            int size = 4_096 + r.nextInt(28 * 1_024);
            doc.setLength(0);
            while (doc.length() < size) {
                switch (shape) {
                    case MIXED -> {
                        switch (r.nextInt(10)) {
                            case 0, 1, 2, 3 -> prose();
                            case 4, 5, 6 -> logLines();
                            case 7, 8 -> csvRows();
                            default -> json();
                        }
                    }
                    case PROSE -> prose();
                    case LOG_LINES -> logLines();
                    case CSV_ROWS -> csvRows();
                    case JSON_LINES -> json();
                }
            }
            return doc.toString();
        }

        private void prose() {
            int sentences = 3 + r.nextInt(6);
            for (int s = 0; s < sentences; s++) {
                int words = 8 + r.nextInt(14);
                for (int w = 0; w < words; w++) {
                    String word = WORDS[r.nextInt(WORDS.length)];
                    text(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
                    doc.append(' ');
                }
                if (r.nextInt(100) < 9) {
                    text(c.pickOf("contact", "reach", "ask", "see"));
                    doc.append(' ');
                    entity(entityValue());
                    doc.append(' ');
                }
                doc.setCharAt(doc.length() - 1, '.');
                doc.append(' ');
            }
            doc.append("\n\n");
        }

        private void logLines() {
            int lines = 3 + r.nextInt(8);
            for (int i = 0; i < lines; i++) {
                text(c.isoTimestamp() + " " + c.pickOf("INFO", "INFO", "DEBUG", "WARN") + " [worker-" + r.nextInt(16) + "] com.example."
                        + c.pick(SERVICES) + " - processed request " + NearMisses.uuid(r) + " in " + r.nextInt(900) + " ms");
                if (r.nextInt(100) < 10) {
                    text(" client=");
                    entity(r.nextInt(4) == 0 ? MachineValues.userAgent(r) : MachineValues.ip(r));
                }
                doc.append('\n');
            }
        }

        private void csvRows() {
            int rows = 4 + r.nextInt(10);
            for (int i = 0; i < rows; i++) {
                text(NearMisses.sku(r) + "," + c.pick(PRODUCTS) + "," + r.nextInt(900) + "." + (10 + r.nextInt(90)) + "," + r.nextInt(5000) + ","
                        + c.recentDate().replace(",", "") + ",");
                if (r.nextInt(100) < 12) {
                    entity(people.get(r.nextInt(POOL)).email());
                } else {
                    text("n/a");
                }
                doc.append('\n');
            }
        }

        private void json() {
            text("{\"id\":" + r.nextInt(1_000_000) + ",\"status\":\"" + c.pickOf("ok", "pending", "failed") + "\",\"updated\":\"" + c.isoTimestamp()
                    + "\",\"items\":[" + r.nextInt(20) + "," + r.nextInt(20) + "],\"note\":\"");
            if (r.nextInt(100) < 25) {
                entity(entityValue().replace("\n", ", "));
            } else {
                text(WORDS[r.nextInt(WORDS.length)] + " " + WORDS[r.nextInt(WORDS.length)]);
            }
            doc.append("\"}\n");
        }

        private String entityValue() {
            Persona p = people.get(r.nextInt(POOL));
            return switch (r.nextInt(14)) {
                case 0, 1 -> p.fullName();
                case 2, 3 -> p.email();
                case 4, 5 -> p.phone();
                case 6 -> p.address().replace("\n", ", ");
                case 7 -> ValidIds.formatCard(ValidIds.card(r), r);
                case 8 -> ValidIds.formatIban(ValidIds.iban(r), r);
                case 9 -> MachineValues.ip(r);
                case 10 -> ValidIds.ssn(r);
                case 11 -> MachineValues.apiSecret(r);
                case 12 -> p.birthDate(r);
                default -> ValidIds.vatId(c.pickOf("DE", "FR", "IT", "NL"), r);
            };
        }

        private void text(String s) {
            doc.append(s);
        }

        private void entity(String value) {
            doc.append(value);
            entityTokens += countTokens(value);
        }

        private static long countTokens(String s) {
            long n = 0;
            boolean inToken = false;
            for (int i = 0; i < s.length(); i++) {
                boolean space = Character.isWhitespace(s.charAt(i));
                if (!space && !inToken) {
                    n++;
                }
                inToken = !space;
            }
            return n;
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d documents, %,d chars", documents.size(), chars);
    }
}
