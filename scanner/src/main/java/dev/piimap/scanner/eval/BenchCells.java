package dev.piimap.scanner.eval;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Database cell values for the short-value throughput measurement: the mix a table scan classifies
 * one value at a time (e-mails, person names, phones, street addresses, IBANs, card numbers in notes,
 * ids and UUIDs, short free-text notes, JSON snippets, timestamps, dates of birth, amounts, status
 * codes), mostly 5-80 characters each. Deterministic by seed; immutable once generated.
 */
public final class BenchCells {
    private static final String[] NOTES = {"call back tomorrow", "customer asked for a refund", "left voicemail", "VIP, handle with care",
        "address changed last month", "waiting for documents", "duplicate of earlier ticket", "no answer", "prefers e-mail",
        "escalated to billing", "Shipped via express", "Paid in full", "Contract renewed for 12 months", "see attached invoice"};
    private static final String[] STATUSES = {"active", "inactive", "pending", "closed", "ACTIVE", "suspended", "trial", "N/A", "true", "false"};
    private static final String[] CITIES = {"London", "Berlin", "Paris", "Madrid", "Rome", "Amsterdam", "Chicago", "Springfield"};
    private static final int POOL = 1_000;

    private final List<String> values;
    private final long chars;
    private final long utf8Bytes;

    private BenchCells(List<String> values) {
        this.values = List.copyOf(values);
        long c = 0;
        long b = 0;
        for (String v : values) {
            c += v.length();
            b += v.getBytes(StandardCharsets.UTF_8).length;
        }
        this.chars = c;
        this.utf8Bytes = b;
    }

    /** {@code count} cell values drawn from the mix. */
    public static BenchCells generate(long seed, int count) {
        SceneContext c = new SceneContext(new Random(seed));
        Random r = c.r;
        List<Persona> people = new ArrayList<>(POOL);
        for (int i = 0; i < POOL; i++) {
            people.add(c.people.next());
        }
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(value(c, r, people.get(r.nextInt(POOL))));
        }
        return new BenchCells(values);
    }

    private static String value(SceneContext c, Random r, Persona p) {
        return switch (r.nextInt(24)) {
            case 0, 1 -> p.email();
            case 2, 3 -> p.fullName();
            case 4 -> p.givenName();
            case 5 -> p.surname();
            case 6, 7 -> p.phone();
            case 8 -> p.address().replace("\n", ", ");
            case 9 -> ValidIds.formatIban(ValidIds.iban(r), r);
            case 10 -> "paid with card " + ValidIds.formatCard(ValidIds.card(r), r) + (r.nextBoolean() ? "" : ", exp " + (1 + r.nextInt(12)) + "/27");
            case 11 -> NearMisses.uuid(r);
            case 12 -> String.valueOf(1 + r.nextInt(9_999_999));
            case 13 -> NearMisses.orderNumber(r);
            case 14, 15 -> c.pick(NOTES);
            case 16 -> "{\"plan\":\"" + c.pickOf("basic", "pro", "team") + "\",\"seats\":" + (1 + r.nextInt(50)) + ",\"renew\":" + r.nextBoolean() + "}";
            case 17 -> c.isoTimestamp();
            case 18 -> p.birthDateIso();
            case 19 -> String.format(Locale.ROOT, "%d.%02d", r.nextInt(5_000), r.nextInt(100));
            case 20 -> c.pick(STATUSES);
            case 21 -> c.pick(CITIES);
            case 22 -> MachineValues.ip(r);
            default -> NearMisses.sku(r);
        };
    }

    public List<String> values() {
        return values;
    }

    public long chars() {
        return chars;
    }

    public long utf8Bytes() {
        return utf8Bytes;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d cell values, %,d chars", values.size(), chars);
    }
}
