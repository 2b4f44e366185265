package dev.piimap.scanner.demo;

import net.datafaker.Faker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The demo estate of the fictional SaaS company "AhuraSense Cloud": its schema and rows, generated
 * from a fixed seed so every run produces the same data. IBANs carry valid mod-97 check digits and
 * the card numbers leaked into payment notes are Luhn-valid. Every value is synthetic.
 */
final class DemoData {
    static final long SEED = 20_261_128L;
    static final int CUSTOMERS = 1_000;
    static final int PLANS = 5;
    static final int PAYMENTS = 2_000;
    static final int INVOICES = 1_500;
    static final int EVENTS = 2_000;
    static final int TICKETS = 400;
    static final int FEATURE_FLAGS = 12;

    static final String SCHEMA = """
            CREATE SCHEMA accounts;
            CREATE SCHEMA billing;
            CREATE SCHEMA telemetry;
            CREATE SCHEMA support;
            CREATE TABLE accounts.customers (id integer PRIMARY KEY, full_name text NOT NULL, email text NOT NULL,
                phone text, billing_street text, billing_city text, billing_postcode text, country char(2) NOT NULL,
                date_of_birth date, created_at timestamptz NOT NULL);
            CREATE TABLE accounts.plans (id integer PRIMARY KEY, code text NOT NULL, name text NOT NULL,
                monthly_price numeric(8,2) NOT NULL, max_seats integer NOT NULL, created_at timestamptz NOT NULL);
            CREATE TABLE billing.payments (id integer PRIMARY KEY,
                customer_id integer NOT NULL REFERENCES accounts.customers (id), iban text,
                amount numeric(10,2) NOT NULL, currency char(3) NOT NULL, note text, created_at timestamptz NOT NULL);
            CREATE TABLE billing.invoices (id integer PRIMARY KEY,
                customer_id integer NOT NULL REFERENCES accounts.customers (id), invoice_number text NOT NULL,
                issued_on date NOT NULL, due_on date NOT NULL, net_amount numeric(10,2) NOT NULL,
                vat_rate numeric(4,2) NOT NULL, total numeric(10,2) NOT NULL, status text NOT NULL);
            CREATE TABLE telemetry.events (id bigint PRIMARY KEY, customer_id integer NOT NULL, ip inet NOT NULL,
                user_agent text NOT NULL, event text NOT NULL, properties jsonb, ts timestamptz NOT NULL);
            CREATE TABLE support.tickets (id integer PRIMARY KEY, requester_email text NOT NULL, subject text NOT NULL,
                body text NOT NULL, created_at timestamptz NOT NULL);
            CREATE TABLE support.ticket_attachments (ticket_id integer NOT NULL REFERENCES support.tickets (id),
                file_name text NOT NULL, object_key text NOT NULL);
            CREATE TABLE public.feature_flags (id integer PRIMARY KEY, flag_key text NOT NULL, enabled boolean NOT NULL,
                rollout_percent integer NOT NULL, updated_at timestamptz NOT NULL);
            """;

    /** Where customers live: the faker locale, country, currency and IBAN country (null: pays by card). */
    private record Market(Locale locale, String country, String currency, String ibanCountry) {
    }

    private record Customer(int id, String name, String email, String phone, Market market, String iban) {
    }

    private static final List<Market> MARKETS = List.of(
            new Market(Locale.US, "US", "USD", null),
            new Market(Locale.UK, "GB", "GBP", "GB"),
            new Market(Locale.GERMANY, "DE", "EUR", "DE"),
            new Market(Locale.FRANCE, "FR", "EUR", "FR"),
            new Market(Locale.forLanguageTag("nl-NL"), "NL", "EUR", "NL"));
    private static final List<String> MAIL_DOMAINS = List.of("gmail.com", "outlook.com", "proton.me", "icloud.com",
            "yahoo.co.uk", "web.de", "orange.fr", "ziggo.nl", "fastmail.com");
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final int TWO_YEARS_SECONDS = 2 * 365 * 24 * 3600;
    /**
     * The demo's "today" (its logs are dated then). Telemetry events span the five years before it and payments
     * the eleven, so a retention check (13 months of telemetry, 7 years of payments) finds rows kept too long.
     */
    static final Instant ANCHOR = Instant.parse("2026-11-28T00:00:00Z");
    static final Instant EVENTS_FROM = Instant.parse("2022-01-01T00:00:00Z");
    static final Instant PAYMENTS_FROM = Instant.parse("2016-01-01T00:00:00Z");

    private final Random random = new Random(SEED);
    private final List<Faker> fakers = new ArrayList<>();
    private final List<Customer> customers = new ArrayList<>();

    private DemoData() {
        for (int i = 0; i < MARKETS.size(); i++) {
            fakers.add(new Faker(MARKETS.get(i).locale(), new Random(SEED + i)));
        }
    }

    /** Creates the schema and fills it, in one transaction of {@code connection} (left committed). */
    static void load(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute(SCHEMA);
            new DemoData().insertAll(connection);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private void insertAll(Connection c) throws SQLException {
        insert(c, "INSERT INTO accounts.customers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", CUSTOMERS, (ps, id) -> {
            int m = random.nextInt(MARKETS.size());
            Market market = MARKETS.get(m);
            Faker f = fakers.get(m);
            String first = f.name().firstName();
            String last = f.name().lastName();
            String email = ascii(first) + "." + ascii(last) + (random.nextInt(10) < 3 ? String.valueOf(random.nextInt(100)) : "")
                    + "@" + MAIL_DOMAINS.get(random.nextInt(MAIL_DOMAINS.size()));
            String phone = random.nextBoolean() ? f.phoneNumber().phoneNumberInternational() : f.phoneNumber().cellPhone();
            String iban = market.ibanCountry() == null ? null : BankNumbers.iban(market.ibanCountry(), random);
            customers.add(new Customer(id, first + " " + last, email, phone, market, iban));
            ps.setInt(1, id);
            ps.setString(2, first + " " + last);
            ps.setString(3, email);
            ps.setString(4, random.nextInt(10) == 0 ? null : phone);
            ps.setString(5, f.address().streetAddress());
            ps.setString(6, f.address().city());
            ps.setString(7, f.address().postcode());
            ps.setString(8, market.country());
            ps.setObject(9, LocalDate.of(1945, 1, 1).plusDays(random.nextInt(61 * 365)));
            ps.setObject(10, timestamp());
        });
        String[][] plans = {{"free", "Free", "0.00", "3"}, {"starter", "Starter", "19.00", "10"},
                {"team", "Team", "79.00", "50"}, {"business", "Business", "249.00", "250"},
                {"enterprise", "Enterprise", "999.00", "5000"}};
        insert(c, "INSERT INTO accounts.plans VALUES (?, ?, ?, ?::numeric, ?, ?)", PLANS, (ps, id) -> {
            String[] p = plans[id - 1];
            ps.setInt(1, id);
            ps.setString(2, p[0]);
            ps.setString(3, p[1]);
            ps.setString(4, p[2]);
            ps.setInt(5, Integer.parseInt(p[3]));
            ps.setObject(6, OffsetDateTime.ofInstant(START, ZoneOffset.UTC).minusDays(400 - 30L * id));
        });
        insert(c, "INSERT INTO billing.payments VALUES (?, ?, ?, ?::numeric, ?, ?, ?)", PAYMENTS, (ps, id) -> {
            Customer customer = customer();
            ps.setInt(1, id);
            ps.setInt(2, customer.id());
            ps.setString(3, customer.iban() == null ? null : BankNumbers.display(customer.iban(), customer.id() % 3 != 0));
            ps.setString(4, String.format(Locale.ROOT, "%d.%02d", 5 + random.nextInt(495), random.nextInt(100)));
            ps.setString(5, customer.market().currency());
            ps.setString(6, paymentNote());
            ps.setObject(7, timestampBetween(PAYMENTS_FROM, ANCHOR));
        });
        insert(c, "INSERT INTO billing.invoices VALUES (?, ?, ?, ?, ?, ?::numeric, ?::numeric, ?::numeric, ?)", INVOICES,
                (ps, id) -> {
                    LocalDate issued = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(700));
                    int netCents = 1_900 + random.nextInt(99_000);
                    int vat = new int[] {0, 19, 20, 21}[random.nextInt(4)];
                    ps.setInt(1, id);
                    ps.setInt(2, customer().id());
                    ps.setString(3, String.format(Locale.ROOT, "AHS-%d-%06d", issued.getYear(), id));
                    ps.setObject(4, issued);
                    ps.setObject(5, issued.plusDays(30));
                    ps.setString(6, cents(netCents));
                    ps.setString(7, vat + ".00");
                    ps.setString(8, cents(netCents + netCents * vat / 100));
                    ps.setString(9, new String[] {"paid", "paid", "paid", "open", "overdue"}[random.nextInt(5)]);
                });
        String[] events = {"login", "logout", "page_view", "dashboard_opened", "export_started", "api_key_rotated"};
        insert(c, "INSERT INTO telemetry.events VALUES (?, ?, ?::inet, ?, ?, ?::jsonb, ?)", EVENTS, (ps, id) -> {
            ps.setLong(1, id);
            ps.setInt(2, customer().id());
            ps.setString(3, random.nextInt(10) < 7 ? ipv4() : ipv6());
            ps.setString(4, fakers.get(random.nextInt(fakers.size())).internet().userAgent());
            ps.setString(5, events[random.nextInt(events.length)]);
            ps.setString(6, random.nextInt(4) == 0 ? null
                    : "{\"screen\": \"" + new String[] {"billing", "usage", "settings", "alerts"}[random.nextInt(4)]
                    + "\", \"duration_ms\": " + random.nextInt(5_000) + "}");
            ps.setObject(7, timestampBetween(EVENTS_FROM, ANCHOR));
        });
        insert(c, "INSERT INTO support.tickets VALUES (?, ?, ?, ?, ?)", TICKETS, (ps, id) -> {
            Customer customer = customer();
            String[] ticket = ticket(customer);
            ps.setInt(1, id);
            ps.setString(2, customer.email());
            ps.setString(3, ticket[0]);
            ps.setString(4, ticket[1]);
            ps.setObject(5, timestamp());
        });
        String[] flags = {"new-billing-ui", "usage-alerts-v2", "sso-saml", "dark-mode", "csv-export", "anomaly-scores",
                "api-v3", "audit-log", "slack-digest", "beta-dashboards", "edge-ingest", "ml-forecasts"};
        insert(c, "INSERT INTO public.feature_flags VALUES (?, ?, ?, ?, ?)", FEATURE_FLAGS, (ps, id) -> {
            ps.setInt(1, id);
            ps.setString(2, flags[id - 1]);
            ps.setBoolean(3, random.nextBoolean());
            ps.setInt(4, 10 * random.nextInt(11));
            ps.setObject(5, timestamp());
        });
        // The support attachments of the demo file share (DemoFiles), filed under four tickets.
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO support.ticket_attachments VALUES"
                    + " (42, 'invoice-dispute.pdf', 'T-1042-invoice-dispute.pdf'),"
                    + " (43, 'identity-check.docx', 'T-1043-identity-check.docx'),"
                    + " (44, 'forwarded-complaint.eml', 'T-1044-forwarded-complaint.eml'),"
                    + " (50, 'debug-bundle.zip', 'T-1050-debug-bundle.zip'),"
                    + " (50, 'screen-recording.mp4', 'T-1050-screen-recording.mp4')");
        }
    }

    /** A note on a payment: mostly empty or routine; about one in twenty quotes a card number read out by phone. */
    private String paymentNote() {
        int roll = random.nextInt(100);
        if (roll < 5) {
            String card = BankNumbers.displayCard(BankNumbers.card(random), random);
            return switch (random.nextInt(3)) {
                case 0 -> "customer read card " + card + " over phone";
                case 1 -> "card " + card + " declined, customer will call back";
                default -> "manual charge on card no. " + card + " exp " + (1 + random.nextInt(12)) + "/" + (27 + random.nextInt(4));
            };
        }
        if (roll < 25) {
            return new String[] {"paid by bank transfer", "refund issued for duplicate charge", "retry after soft decline",
                    "annual prepayment", "discount code SPRING24 applied"}[random.nextInt(5)];
        }
        return null;
    }

    /** Subject and free-text body; the body names the requester and sometimes gives a phone number or e-mail. */
    private String[] ticket(Customer customer) {
        Faker f = fakers.get(MARKETS.indexOf(customer.market()));
        String colleague = f.name().firstName() + " " + f.name().lastName();
        return switch (random.nextInt(6)) {
            case 0 -> new String[] {"Cannot log in", "Hi team, this is " + customer.name()
                    + ". I cannot log in since this morning. Please call me back on " + customer.phone() + "."};
            case 1 -> new String[] {"Invoice question", "Hello, " + customer.name()
                    + " here. Our last invoice looks too high, could you check the seat count? Thanks."};
            case 2 -> new String[] {"Send receipts elsewhere", "Please send receipts to "
                    + ascii(colleague.split(" ")[0]) + "@" + MAIL_DOMAINS.get(random.nextInt(MAIL_DOMAINS.size()))
                    + " from now on. Regards, " + customer.name()};
            case 3 -> new String[] {"Admin rights", "Dear support, my colleague " + colleague
                    + " needs admin rights on our workspace. Best, " + customer.name()};
            case 4 -> new String[] {"Change billing address", "Hi, we moved to " + f.address().streetAddress() + ", "
                    + f.address().postcode() + " " + f.address().city() + ". Please update it. " + customer.name()};
            default -> new String[] {"Alert thresholds", "The usage alerts fire too often for our staging sensors. "
                    + "Can we raise the threshold to 80%?"};
        };
    }

    private interface RowWriter {
        void write(PreparedStatement ps, int id) throws SQLException;
    }

    private static void insert(Connection c, String sql, int rows, RowWriter writer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int id = 1; id <= rows; id++) {
                writer.write(ps, id);
                ps.addBatch();
                if (id % 500 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private Customer customer() {
        return customers.get(random.nextInt(customers.size()));
    }

    private OffsetDateTime timestamp() {
        return OffsetDateTime.ofInstant(START.plusSeconds(random.nextInt(TWO_YEARS_SECONDS)), ZoneOffset.UTC);
    }

    /** A moment in [from, to), evenly spread. */
    private OffsetDateTime timestampBetween(Instant from, Instant to) {
        return OffsetDateTime.ofInstant(from.plusSeconds(random.nextInt((int) (to.getEpochSecond() - from.getEpochSecond()))),
                ZoneOffset.UTC);
    }

    private String ipv4() {
        int[] firstOctets = {23, 31, 46, 62, 77, 81, 85, 89, 91, 93, 109, 141, 176, 185, 188, 193, 195, 212, 213, 217};
        return firstOctets[random.nextInt(firstOctets.length)] + "." + random.nextInt(256) + "." + random.nextInt(256)
                + "." + (1 + random.nextInt(254));
    }

    private String ipv6() {
        String[] prefixes = {"2a02:", "2a01:", "2001:4860:", "2600:", "2607:f8b0:"};
        StringBuilder ip = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
        int groups = 8 - (int) ip.chars().filter(ch -> ch == ':').count();
        for (int i = 0; i < groups; i++) {
            ip.append(Integer.toHexString(random.nextInt(0x10000))).append(i < groups - 1 ? ":" : "");
        }
        return ip.toString();
    }

    private static String cents(int cents) {
        return String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
    }

    /** Lower-case ASCII letters of a name, for e-mail local parts ("Müller-Lüdenscheidt" -> "mullerludenscheidt"). */
    static String ascii(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "");
        return plain.isEmpty() ? "user" : plain.toLowerCase(Locale.ROOT);
    }
}
