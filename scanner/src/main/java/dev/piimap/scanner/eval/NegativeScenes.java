package dev.piimap.scanner.eval;

import dev.piimap.scanner.eval.SceneContext.Named;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Hard negatives: records with no personal data in them that carry what detectors confuse with it.
 * Build and CI output (hashes, versions), shipping notices (tracking and order numbers), product
 * lists (barcodes, SKUs), metrics (UUIDs, epochs), test identifiers with wrong check digits, masked
 * values, dates that are not birth dates, and prose full of capitalised words that are not names.
 * Every scene names the {@code kind} of look-alike it is built around (written as the record's
 * {@code "kind"}); {@link #ZERO_FINDING_KINDS} are the kinds in which no detector may report anything.
 */
final class NegativeScenes {
    static final String VERSION_STRING = "version-string";
    static final String UUID = "uuid";
    static final String HASH = "hash";
    static final String LUHN_INVALID = "luhn-invalid";
    static final String BAD_IBAN = "bad-iban";
    static final String BAD_SSN = "bad-ssn";
    static final String BAD_NATIONAL_ID = "bad-national-id";
    static final String TIMESTAMP = "timestamp";
    static final String ORDER_NUMBER = "order-number";
    static final String PRODUCT_CODE = "product-code";
    static final String FINANCE_FIGURES = "finance-figures";
    static final String PLACEHOLDER_SECRET = "placeholder-secret";
    static final String MASKED_VALUE = "masked-value";
    static final String NON_BIRTH_DATE = "non-birth-date";
    static final String CAPITALISED_PROSE = "capitalised-prose";
    /**
     * Kinds whose values have no personal-data reading at all: a version, a UUID, a hash, or an
     * identifier whose checksum or range rules it out. Any finding in them is a false positive.
     */
    static final Set<String> ZERO_FINDING_KINDS = Set.of(VERSION_STRING, UUID, HASH, LUHN_INVALID, BAD_IBAN, BAD_SSN);

    private static final String[] PRODUCTS = {"Aurora Desk Lamp", "Nordic Oak Shelf", "Vector Pro Keyboard", "Halo Air Purifier",
            "Summit Trail Backpack", "Atlas Monitor Arm", "Pixel Frame 10", "Cascade Kettle"};
    private static final String[] CITIES = {"Paris", "Lyon", "Amsterdam", "Madrid", "Berlin", "Milan", "Rotterdam", "Lisbon", "Vienna", "Dublin"};
    private static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

    private NegativeScenes() {
    }

    static List<Named> all() {
        return List.of(
                new Named("build-log", 10, NegativeScenes::buildLog, VERSION_STRING),
                new Named("release-notes", 7, NegativeScenes::releaseNotes, VERSION_STRING),
                new Named("dependency-versions", 7, NegativeScenes::dependencyVersions, VERSION_STRING),
                new Named("shipping-notice", 10, NegativeScenes::shippingNotice, ORDER_NUMBER),
                new Named("product-csv", 8, NegativeScenes::productCsv, PRODUCT_CODE),
                new Named("metrics", 8, NegativeScenes::metrics, UUID),
                new Named("checksums", 5, NegativeScenes::checksums, HASH),
                new Named("timestamps", 5, NegativeScenes::timestamps, TIMESTAMP),
                new Named("meeting-note", 8, NegativeScenes::meetingNote, CAPITALISED_PROSE),
                new Named("card-fixtures", 5, NegativeScenes::cardFixtures, LUHN_INVALID),
                new Named("iban-fixtures", 5, NegativeScenes::ibanFixtures, BAD_IBAN),
                new Named("ssn-fixtures", 4, NegativeScenes::ssnFixtures, BAD_SSN),
                new Named("national-id-fixtures", 3, NegativeScenes::nationalIdFixtures, BAD_NATIONAL_ID),
                new Named("finance-summary", 7, NegativeScenes::financeSummary, FINANCE_FIGURES),
                new Named("config-no-secrets", 7, NegativeScenes::configWithoutSecrets, PLACEHOLDER_SECRET),
                new Named("masked-values", 8, NegativeScenes::maskedValues, MASKED_VALUE),
                new Named("contract-dates", 6, NegativeScenes::contractDates, NON_BIRTH_DATE),
                new Named("travel-news", 6, NegativeScenes::travelNews, CAPITALISED_PROSE));
    }

    static void buildLog(LabelledText t, SceneContext c) {
        t.add("[INFO] Building inventory-service " + NearMisses.version(c.r) + "\n[INFO] --- compiler:3.14.0:compile (default-compile) ---\n");
        t.add("Step " + c.between(2, 9) + "/12 : COPY target/app.jar /opt/app/\n ---> Using cache\n ---> sha256:" + MachineValues.hex(c.r, 64) + "\n");
        t.add("Successfully built " + MachineValues.hex(c.r, 12) + "\ncommit " + MachineValues.hex(c.r, 40) + " (HEAD -> main, tag: "
                + NearMisses.version(c.r) + ")\n");
        t.add("Tests run: " + c.between(50, 900) + ", Failures: 0, Errors: 0, Skipped: " + c.between(0, 9) + ", Time elapsed: "
                + c.between(1, 99) + "." + c.between(100, 999) + " s\nFinished at " + c.isoTimestamp() + "\n");
    }

    static void shippingNotice(LabelledText t, SceneContext c) {
        t.add("Your order " + NearMisses.orderNumber(c.r) + " shipped on " + c.recentDate() + ".\nCarrier: "
                + c.pickOf("DHL Express", "UPS Standard", "FedEx International", "USPS Priority") + ", tracking number " + NearMisses.trackingNumber(c.r)
                + "\nItems: " + c.between(1, 3) + " x " + c.pick(PRODUCTS) + " (SKU " + NearMisses.sku(c.r) + "), 1 x USB-C cable 2 m\n");
        t.add("Estimated delivery: " + c.pick(WEEKDAYS) + " between 09:00 and 13:00. Reference " + NearMisses.orderNumber(c.r) + ", parcel "
                + c.between(1, 3) + "/3, weight " + c.between(1, 30) + "." + c.between(0, 9) + " kg\n");
    }

    static void productCsv(LabelledText t, SceneContext c) {
        t.add("sku,name,ean,price_eur,stock,warehouse\n");
        int rows = c.between(3, 6);
        for (int i = 0; i < rows; i++) {
            t.add(NearMisses.sku(c.r) + "," + c.pick(PRODUCTS) + "," + NearMisses.ean13(c.r) + "," + c.between(5, 900) + "." + c.between(10, 99)
                    + "," + c.between(0, 5000) + "," + c.pick(CITIES) + "\n");
        }
    }

    static void metrics(LabelledText t, SceneContext c) {
        int lines = c.between(2, 4);
        for (int i = 0; i < lines; i++) {
            t.add("ts=" + (1_609_459_200L + c.r.nextInt(150_000_000)) + " host=web-" + c.between(1, 40) + " region=" + c.pickOf("eu-west-1", "us-east-2", "ap-south-1")
                    + " cpu=0." + c.between(10, 99) + " mem=" + c.between(10, 95) + "." + c.between(0, 9) + "% p99_ms=" + c.between(5, 2000)
                    + " rps=" + c.between(10, 9000) + " request_id=" + NearMisses.uuid(c.r) + "\n");
        }
    }

    static void checksums(LabelledText t, SceneContext c) {
        String file = "inventory-service-" + NearMisses.version(c.r) + ".tar.gz";
        t.add("SHA256 (" + file + ") = " + MachineValues.hex(c.r, 64) + "\nMD5 (" + file + ") = " + MachineValues.hex(c.r, 32) + "\n"
                + MachineValues.hex(c.r, 40) + "  " + file + ".sig\nbuilt from " + MachineValues.hex(c.r, 7) + " on " + c.isoTimestamp() + "\n");
    }

    static void meetingNote(LabelledText t, SceneContext c) {
        t.add("Weekly sync moved from " + c.pick(WEEKDAYS) + " to " + c.pick(WEEKDAYS) + ", " + c.clock() + " CET, room " + c.pick(CITIES) + "-"
                + c.between(1, 5) + ".\nAgenda: Q" + c.between(1, 4) + " roadmap, Kubernetes upgrade to 1." + c.between(25, 31)
                + ", Postgres " + c.between(13, 17) + " migration, the " + c.pick(PRODUCTS) + " launch.\n");
        t.add("Release " + NearMisses.version(c.r) + " is planned for " + c.recentDate() + "; the " + c.pick(CITIES) + " offsite is in "
                + c.pickOf("May", "June", "September", "October") + ".\n");
    }

    static void cardFixtures(LabelledText t, SceneContext c) {
        t.add("Fixtures for the payment form tests (every number fails the Luhn check on purpose):\n");
        switch (c.r.nextInt(3)) {
            case 0 -> t.add("card=" + NearMisses.cardFailingLuhn(c.r) + "\ncard=" + NearMisses.cardFailingLuhn(c.r) + "\nexpect=INVALID_NUMBER\n");
            case 1 -> t.add("{\"pan\": \"" + NearMisses.cardFailingLuhn(c.r) + "\", \"expected\": \"declined\"},\n{\"pan\": \""
                    + NearMisses.cardFailingLuhn(c.r) + "\", \"expected\": \"declined\"}\n");
            default -> t.add("Card number " + NearMisses.cardFailingLuhn(c.r) + " must be rejected, and so must " + NearMisses.cardFailingLuhn(c.r)
                    + " (checksum).\n");
        }
    }

    static void ibanFixtures(LabelledText t, SceneContext c) {
        t.add("Fixtures for the SEPA mandate form (wrong check digits on purpose):\n");
        switch (c.r.nextInt(3)) {
            case 0 -> t.add("iban=" + NearMisses.ibanWithBadCheckDigits(c.r) + "\niban=" + NearMisses.ibanWithBadCheckDigits(c.r) + "\n");
            case 1 -> t.add("IBAN: " + NearMisses.ibanWithBadCheckDigits(c.r) + " (bad check digits)\nIBAN: "
                    + NearMisses.ibanWithBadCheckDigits(c.r) + " (bad check digits)\n");
            default -> t.add("| " + NearMisses.ibanWithBadCheckDigits(c.r) + " | rejected |\n| " + NearMisses.ibanWithBadCheckDigits(c.r)
                    + " | rejected |\n");
        }
    }

    static void ssnFixtures(LabelledText t, SceneContext c) {
        t.add("Fixtures for the payroll import (numbers the SSA never issues):\n");
        switch (c.r.nextInt(3)) {
            case 0 -> t.add("ssn=" + NearMisses.invalidSsn(c.r) + "\nssn=" + NearMisses.invalidSsn(c.r) + "\n");
            case 1 -> t.add("SSN " + NearMisses.invalidSsn(c.r) + " must be rejected; so must SSN " + NearMisses.invalidSsn(c.r) + ".\n");
            default -> t.add("{\"ssn\": \"" + NearMisses.invalidSsn(c.r) + "\", \"valid\": false}\n");
        }
    }

    static void nationalIdFixtures(LabelledText t, SceneContext c) {
        t.add("Fixtures for the identity checks (every value below is invalid on purpose):\nNHS number: " + NearMisses.nhsNumberWithBadCheck(c.r)
                + " (fails mod 11)\nDNI: " + NearMisses.dniWithBadLetter(c.r) + " (wrong letter)\n");
    }

    /** Four-part and three-part versions where software lists them: packages, upgrades, drivers, OS builds. */
    static void dependencyVersions(LabelledText t, SceneContext c) {
        String[] products = {"libssl", "agent", "nginx", "openjdk", "node", "postgres-client-tools", "gpu-driver", "sdk", "terraform", "protobuf"};
        int lines = c.between(2, 4);
        for (int i = 0; i < lines; i++) {
            String product = c.pick(products);
            switch (c.r.nextInt(6)) {
                case 0 -> t.add("Installed: " + product + " " + NearMisses.fourPartVersion(c.r) + ", " + c.pick(products) + " "
                        + NearMisses.fourPartVersion(c.r) + "\n");
                case 1 -> t.add("Upgraded " + product + " from " + NearMisses.fourPartVersion(c.r) + " to " + NearMisses.fourPartVersion(c.r) + "\n");
                case 2 -> t.add("<dependency><artifactId>" + product + "</artifactId><version>" + NearMisses.fourPartVersion(c.r)
                        + "</version></dependency>\n");
                case 3 -> t.add(product + "==" + NearMisses.fourPartVersion(c.r) + "\n");
                case 4 -> t.add("OS build 10.0." + c.between(17000, 26000) + "." + c.between(1, 4000) + ", " + product + " "
                        + NearMisses.fourPartVersion(c.r) + " (" + c.moment().toLocalDate() + ")\n");
                default -> t.add(String.format(Locale.ROOT, "%-24s %-12s %s%n", product, NearMisses.fourPartVersion(c.r),
                        c.pickOf("up to date", "update available", "pinned")));
            }
        }
    }

    /** Timestamps, epochs and durations in the shapes logs and exports use. */
    static void timestamps(LabelledText t, SceneContext c) {
        int lines = c.between(2, 4);
        for (int i = 0; i < lines; i++) {
            long epoch = 1_609_459_200L + c.r.nextInt(150_000_000);
            switch (c.r.nextInt(4)) {
                case 0 -> t.add(c.isoTimestamp() + " job=nightly-export started_epoch=" + epoch + " took=" + c.between(0, 5) + ":"
                        + String.format(Locale.ROOT, "%02d:%02d.%03d", c.between(0, 59), c.between(0, 59), c.between(0, 999)) + "\n");
                // Millisecond epochs have 13 digits: keep them off Luhn like every card-length run here.
                case 1 -> t.add("{\"created_at\": \"" + c.isoTimestamp() + "\", \"updated_ms\": "
                        + NearMisses.failingLuhn(String.valueOf(epoch * 1000 + c.between(0, 999)), c.r)
                        + ", \"ttl_s\": " + c.between(60, 86400) + "}\n");
                case 2 -> t.add(c.moment().format(java.time.format.DateTimeFormatter.ofPattern("MMM d HH:mm:ss", Locale.ENGLISH))
                        + " web-" + c.between(1, 40) + " cron[" + c.between(1000, 99999) + "]: run finished in " + c.between(1, 900) + " ms\n");
                default -> t.add("window " + c.moment().toLocalDate() + " " + c.clock() + " to " + c.moment().toLocalDate() + " " + c.clock()
                        + " UTC, " + c.between(1, 59) + " min " + c.between(1, 59) + " s\n");
            }
        }
    }

    static void financeSummary(LabelledText t, SceneContext c) {
        t.add("Q" + c.between(1, 4) + " revenue EUR " + c.between(1, 9) + "," + c.between(100, 999) + "," + c.between(100, 999) + "." + c.between(10, 99)
                + " (+" + c.between(1, 30) + "." + c.between(0, 9) + "% YoY); cost centre " + c.between(1000, 9999) + "-" + c.between(100, 999)
                + "; GL account " + c.between(400000, 799999) + ".\n");
        t.add("Invoice " + NearMisses.invoiceNumber(c.r) + " due " + c.recentDate() + ", FX rate 1." + c.between(1000, 9999) + ", order "
                + NearMisses.orderNumber(c.r) + ", batch " + NearMisses.failingLuhn(ValidIds.digits(c.r, 16), c.r) + ".\n");
    }

    static void configWithoutSecrets(LabelledText t, SceneContext c) {
        t.add("password_min_length=" + c.between(8, 16) + "\npassword_expiry_days=" + c.pickOf("30", "90", "180") + "\npassword: ********\n"
                + "api_key: ${env:API_KEY}\ndb.password=${file:/run/secrets/db}\ntimeout_ms=" + c.between(1000, 60000) + "\nmax_connections=" + c.between(10, 500)
                + "\nfeature.flags=dark-mode,beta-export\n");
    }

    static void releaseNotes(LabelledText t, SceneContext c) {
        t.add("## " + NearMisses.version(c.r) + " (" + c.moment().toLocalDate() + ")\n- Bump netty to 4.1." + c.between(100, 120) + ".Final\n- Fix race in "
                + "cache eviction (#" + c.between(1000, 9999) + ")\n- Image digest sha256:" + MachineValues.hex(c.r, 64) + "\n- Requires firmware "
                + NearMisses.version(c.r) + " or later; tested on build " + c.between(10000, 99999) + "\n");
    }

    static void maskedValues(LabelledText t, SceneContext c) {
        int last4 = c.between(1000, 9999);
        t.add("Payment received from card ending " + last4 + " (**** **** **** " + last4 + ").\nSSN on file: ***-**-" + c.between(1000, 9999)
                + "\nIBAN: " + c.pickOf("DE", "NL", "FR") + "** **** **** **** **" + c.between(10, 99) + " " + c.between(10, 99) + "\nPhone: +** *** *** "
                + c.between(10, 99) + "\n");
    }

    static void contractDates(LabelledText t, SceneContext c) {
        t.add("Contract valid from " + c.recentDate() + " to " + c.recentDate() + ". Warranty expires " + c.recentDate() + ".\n");
        t.add("The company was founded on " + c.pickOf("12.03.1984", "1984-03-12", "4 May 1991", "07/11/1978") + " in " + c.pick(CITIES)
                + "; the building dates from 1962. Next audit: " + c.recentDate() + ".\n");
    }

    static void travelNews(LabelledText t, SceneContext c) {
        t.add("From " + c.pick(WEEKDAYS) + ", trains between " + c.pick(CITIES) + " and " + c.pick(CITIES) + " run every " + c.pickOf("20", "30", "60")
                + " minutes. " + c.pick(WEEKDAYS) + " services to " + c.pick(CITIES) + " are unchanged.\n");
        t.add("Temperatures in " + c.pick(CITIES) + " reached " + c.between(10, 38) + "." + c.between(0, 9) + " C on " + c.pick(WEEKDAYS)
                + "; the " + c.pick(PRODUCTS) + " is sold out in " + c.pick(CITIES) + " stores.\n");
    }
}
