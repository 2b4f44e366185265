package dev.piimap.scanner.bench;

import dev.piimap.scanner.demo.SyntheticIds;
import net.datafaker.Faker;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The database half of a generated estate: shards of four tables ({@code crm.customers_NNNN},
 * {@code billing.payments_NNNN}, {@code telemetry.events_NNNN}, {@code support.tickets_NNNN}) of about
 * {@value #SHARD_MB} MB of rows each, so the number of tables grows with the estate as the number of
 * files does. Rows hold names, e-mails, phones, postal addresses and birth dates (customers), IBANs and
 * card numbers quoted in about one note in twenty (payments), IP addresses, user agents and JSON
 * properties (events), and free text naming people (tickets), next to ids, amounts and timestamps.
 * Loaded with {@code COPY ... FROM STDIN} in text format, one transaction per table; deterministic by seed.
 */
final class EstateTables {
    static final int SHARD_MB = 16;
    static final long SHARD_BYTES = (long) SHARD_MB << 20;
    /** Distinct people the rows are drawn from; generated once with datafaker, which is too slow per row. */
    static final int PEOPLE = 2_000;
    private static final int FLUSH_BYTES = 1 << 20;
    private static final long START_EPOCH_SECOND = LocalDateTime.of(2024, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final int TWO_YEARS_SECONDS = 2 * 365 * 24 * 3600;

    private static final String[] SCHEMAS = {"crm", "billing", "telemetry", "support"};
    private static final String[] EVENTS = {"login", "logout", "page_view", "dashboard_opened", "export_started", "api_key_rotated"};
    private static final String[] SCREENS = {"billing", "usage", "settings", "alerts"};
    private static final String[] MAIL_DOMAINS = {"gmail.com", "outlook.com", "proton.me", "icloud.com", "yahoo.co.uk", "web.de",
            "orange.fr", "ziggo.nl", "fastmail.com"};

    /** What was loaded: qualified table names in load order, rows and bytes of COPY text. */
    record Loaded(List<String> tables, long rows, long bytes) {
        Loaded {
            tables = List.copyOf(tables);
        }
    }

    private record Market(Locale locale, String country, String currency, String ibanCountry) {
    }

    private record Person(String name, String email, String phone, String street, String city, String postcode,
                          Market market, LocalDate birth, String iban) {
    }

    private static final List<Market> MARKETS = List.of(
            new Market(Locale.US, "US", "USD", null),
            new Market(Locale.UK, "GB", "GBP", "GB"),
            new Market(Locale.GERMANY, "DE", "EUR", "DE"),
            new Market(Locale.FRANCE, "FR", "EUR", "FR"),
            new Market(Locale.forLanguageTag("nl-NL"), "NL", "EUR", "NL"));

    private final Random random;
    private final List<Person> people = new ArrayList<>(PEOPLE);
    private final List<String> userAgents = new ArrayList<>();
    private final StringBuilder row = new StringBuilder(1024);
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(FLUSH_BYTES + 64 * 1024);

    private EstateTables(long seed) {
        this.random = new Random(seed);
        List<Faker> fakers = new ArrayList<>();
        for (int i = 0; i < MARKETS.size(); i++) {
            fakers.add(new Faker(MARKETS.get(i).locale(), new Random(seed + i)));
        }
        for (int i = 0; i < PEOPLE; i++) {
            int m = random.nextInt(MARKETS.size());
            Market market = MARKETS.get(m);
            Faker f = fakers.get(m);
            String first = f.name().firstName();
            String last = f.name().lastName();
            String email = ascii(first) + "." + ascii(last) + (random.nextInt(10) < 3 ? String.valueOf(random.nextInt(100)) : "")
                    + "@" + MAIL_DOMAINS[random.nextInt(MAIL_DOMAINS.length)];
            String phone = random.nextBoolean() ? f.phoneNumber().phoneNumberInternational() : f.phoneNumber().cellPhone();
            people.add(new Person(first + " " + last, email, phone, f.address().streetAddress(), f.address().city(),
                    f.address().postcode(), market, LocalDate.of(1945, 1, 1).plusDays(random.nextInt(61 * 365)),
                    market.ibanCountry() == null ? null : SyntheticIds.iban(random, market.ibanCountry())));
        }
        for (int i = 0; i < 100; i++) {
            userAgents.add(fakers.get(i % fakers.size()).internet().userAgent());
        }
    }

    /**
     * Creates the schemas and as many shards as it takes to write {@code targetBytes} of COPY text
     * (the last shard smaller), committing each table on its own.
     */
    static Loaded load(Connection admin, long targetBytes, long seed) throws SQLException {
        return new EstateTables(seed).loadAll(admin, targetBytes);
    }

    private Loaded loadAll(Connection c, long targetBytes) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (Statement s = c.createStatement()) {
                for (String schema : SCHEMAS) {
                    s.execute("CREATE SCHEMA " + schema);
                }
            }
            c.commit();
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            List<String> tables = new ArrayList<>();
            long rows = 0;
            long bytes = 0;
            for (int shard = 1; bytes < targetBytes; shard++) {
                long perTable = Math.max(1, Math.min(SHARD_BYTES, targetBytes - bytes) / 4);
                String n = String.format(Locale.ROOT, "%04d", shard);
                for (TableKind kind : TableKind.values()) {
                    String table = kind.schema + "." + kind.name + "_" + n;
                    try (Statement s = c.createStatement()) {
                        s.execute("CREATE TABLE " + table + " (" + kind.columns + ")");
                    }
                    long[] written = copyRows(copy, table, kind, perTable);
                    c.commit();
                    tables.add(table);
                    rows += written[0];
                    bytes += written[1];
                }
            }
            return new Loaded(tables, rows, bytes);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** The four tables of a shard, with their columns. */
    private enum TableKind {
        CUSTOMERS("crm", "customers", "id bigint PRIMARY KEY, full_name text NOT NULL, email text NOT NULL, phone text, "
                + "street text, city text, postcode text, country char(2) NOT NULL, date_of_birth date, created_at timestamptz NOT NULL"),
        PAYMENTS("billing", "payments", "id bigint PRIMARY KEY, customer_id bigint NOT NULL, iban text, amount numeric(10,2) NOT NULL, "
                + "currency char(3) NOT NULL, note text, created_at timestamptz NOT NULL"),
        EVENTS("telemetry", "events", "id bigint PRIMARY KEY, customer_id bigint NOT NULL, ip inet NOT NULL, user_agent text NOT NULL, "
                + "event text NOT NULL, properties jsonb, ts timestamptz NOT NULL"),
        TICKETS("support", "tickets", "id bigint PRIMARY KEY, requester_email text NOT NULL, subject text NOT NULL, "
                + "body text NOT NULL, created_at timestamptz NOT NULL");

        final String schema;
        final String name;
        final String columns;

        TableKind(String schema, String name, String columns) {
            this.schema = schema;
            this.name = name;
            this.columns = columns;
        }
    }

    /** Streams rows into {@code table} until {@code targetBytes} of COPY text are written; returns rows and bytes. */
    private long[] copyRows(CopyManager copy, String table, TableKind kind, long targetBytes) throws SQLException {
        CopyIn in = copy.copyIn("COPY " + table + " FROM STDIN");
        try {
            long rows = 0;
            long bytes = 0;
            buffer.reset();
            while (bytes < targetBytes) {
                rows++;
                row.setLength(0);
                switch (kind) {
                    case CUSTOMERS -> customer(rows);
                    case PAYMENTS -> payment(rows);
                    case EVENTS -> event(rows);
                    case TICKETS -> ticket(rows);
                }
                byte[] line = row.toString().getBytes(StandardCharsets.UTF_8);
                buffer.write(line, 0, line.length);
                bytes += line.length;
                if (buffer.size() >= FLUSH_BYTES) {
                    in.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                    buffer.reset();
                }
            }
            if (buffer.size() > 0) {
                in.writeToCopy(buffer.toByteArray(), 0, buffer.size());
            }
            in.endCopy();
            return new long[] {rows, bytes};
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private void customer(long id) {
        Person p = person();
        field(id).field(p.name()).field(p.email()).field(random.nextInt(10) == 0 ? null : p.phone()).field(p.street())
                .field(p.city()).field(p.postcode()).field(p.market().country()).field(p.birth().toString()).last(timestamp());
    }

    private void payment(long id) {
        Person p = person();
        String iban = p.iban() == null ? null : random.nextBoolean() ? p.iban() : SyntheticIds.formatIban(p.iban());
        field(id).field(1 + random.nextInt(PEOPLE)).field(iban)
                .field(String.format(Locale.ROOT, "%d.%02d", 5 + random.nextInt(495), random.nextInt(100)))
                .field(p.market().currency()).field(paymentNote()).last(timestamp());
    }

    private void event(long id) {
        String ip = random.nextInt(10) < 7 ? SyntheticIds.ipv4(random) : SyntheticIds.ipv6(random);
        String properties = switch (random.nextInt(8)) {
            case 0, 1 -> null;
            case 2 -> "{\"screen\": \"settings\", \"changed\": \"email\", \"new_email\": \"" + person().email() + "\"}";
            default -> "{\"screen\": \"" + SCREENS[random.nextInt(SCREENS.length)] + "\", \"duration_ms\": " + random.nextInt(5_000) + "}";
        };
        field(id).field(1 + random.nextInt(PEOPLE)).field(ip).field(userAgents.get(random.nextInt(userAgents.size())))
                .field(EVENTS[random.nextInt(EVENTS.length)]).field(properties).last(timestamp());
    }

    private void ticket(long id) {
        Person p = person();
        String colleague = person().name();
        String[] t = switch (random.nextInt(6)) {
            case 0 -> new String[] {"Cannot log in", "Hi team, this is " + p.name() + ". I cannot log in since this morning. "
                    + "Please call me back on " + p.phone() + "."};
            case 1 -> new String[] {"Invoice question", "Hello, " + p.name() + " here. Our last invoice looks too high, "
                    + "could you check the seat count? Thanks."};
            case 2 -> new String[] {"Send receipts elsewhere", "Please send receipts to " + person().email()
                    + " from now on. Regards, " + p.name()};
            case 3 -> new String[] {"Admin rights", "Dear support, my colleague " + colleague
                    + " needs admin rights on our workspace. Best, " + p.name()};
            case 4 -> new String[] {"Change billing address", "Hi, we moved to " + p.street() + ", " + p.postcode() + " "
                    + p.city() + ". Please update it. " + p.name()};
            default -> new String[] {"Alert thresholds", "The usage alerts fire too often for our staging sensors. "
                    + "Can we raise the threshold to 80%?"};
        };
        field(id).field(p.email()).field(t[0]).field(t[1]).last(timestamp());
    }

    /** Mostly empty or routine; about one in twenty quotes a card number read out by phone. */
    private String paymentNote() {
        int roll = random.nextInt(100);
        if (roll < 5) {
            String card = SyntheticIds.formatCard(SyntheticIds.card(random));
            return random.nextBoolean() ? "customer read card " + card + " over phone" : "card " + card + " declined, will call back";
        }
        if (roll < 25) {
            return new String[] {"paid by bank transfer", "refund issued for duplicate charge", "retry after soft decline",
                    "annual prepayment", "discount code SPRING24 applied"}[random.nextInt(5)];
        }
        return null;
    }

    private Person person() {
        return people.get(random.nextInt(PEOPLE));
    }

    private String timestamp() {
        LocalDateTime t = LocalDateTime.ofEpochSecond(START_EPOCH_SECOND + random.nextInt(TWO_YEARS_SECONDS), 0, ZoneOffset.UTC);
        return t.toLocalDate() + " " + t.toLocalTime() + (t.getSecond() == 0 ? ":00" : "") + "+00";
    }

    private EstateTables field(long value) {
        row.append(value).append('\t');
        return this;
    }

    /** Appends one COPY text value: {@code \N} for null; backslash, tab, newline and carriage return escaped. */
    private EstateTables field(String value) {
        escape(value);
        row.append('\t');
        return this;
    }

    private void last(String value) {
        escape(value);
        row.append('\n');
    }

    private void escape(String value) {
        if (value == null) {
            row.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(ch);
            }
        }
    }

    /** Lower-case ASCII letters of a name, for e-mail local parts ("Müller" -> "muller"). */
    private static String ascii(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "");
        return plain.isEmpty() ? "user" : plain.toLowerCase(Locale.ROOT);
    }
}
