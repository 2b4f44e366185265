package dev.piimap.scanner.eval;

import dev.piimap.scanner.eval.Persona.Country;
import dev.piimap.scanner.eval.SceneContext.Named;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import static dev.piimap.classifiers.EntityType.CREDENTIAL;
import static dev.piimap.classifiers.EntityType.CREDIT_CARD;
import static dev.piimap.classifiers.EntityType.DATE_OF_BIRTH;
import static dev.piimap.classifiers.EntityType.EMAIL_ADDRESS;
import static dev.piimap.classifiers.EntityType.GEO_COORDINATES;
import static dev.piimap.classifiers.EntityType.IBAN;
import static dev.piimap.classifiers.EntityType.IP_ADDRESS;
import static dev.piimap.classifiers.EntityType.MAC_ADDRESS;
import static dev.piimap.classifiers.EntityType.PERSON;
import static dev.piimap.classifiers.EntityType.PHONE_NUMBER;
import static dev.piimap.classifiers.EntityType.STREET_ADDRESS;
import static dev.piimap.classifiers.EntityType.URL_WITH_PII;
import static dev.piimap.classifiers.EntityType.USER_AGENT;

/**
 * Records with personal data in the places a company's systems hold it: support chat transcripts,
 * CRM notes, web server and application logs, JSON API payloads, CSV exports, HTTP requests, config
 * files, team chat and CI logs. Every value is labelled; timestamps, order numbers and ordinary dates
 * around them are not.
 */
final class WorkplaceScenes {
    private static final String[] AGENTS = {"Maria", "Tom", "Priya", "Lukas", "Chloé", "Daniel", "Aisha", "Sven"};
    private static final String[] COMPANIES = {"Brightdesk", "Northwind Traders", "Kestrel Insurance", "Fernwood Media", "Polar Cloud",
            "Blue Harbor Logistics"};
    private static final DateTimeFormatter ACCESS_LOG_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss", Locale.ENGLISH);
    private static final String[] PATHS = {"/api/v2/orders?page=2", "/login", "/static/app.3f9a1c.js", "/account/settings",
            "/api/v1/cart/items", "/checkout/confirm", "/health", "/images/banner-1200.webp"};

    private WorkplaceScenes() {
    }

    static List<Named> all() {
        return List.of(
                new Named("support-chat", 10, WorkplaceScenes::supportChat),
                new Named("crm-note", 8, WorkplaceScenes::crmNote),
                new Named("access-log", 8, WorkplaceScenes::accessLog),
                new Named("app-log", 8, WorkplaceScenes::appLog),
                new Named("json-payload", 10, WorkplaceScenes::jsonPayload),
                new Named("csv-export", 7, WorkplaceScenes::csvExport),
                new Named("http-request", 6, WorkplaceScenes::httpRequest),
                new Named("config-file", 7, WorkplaceScenes::configFile),
                new Named("team-chat", 6, WorkplaceScenes::teamChat),
                new Named("ci-log", 5, WorkplaceScenes::ciLog),
                new Named("mail-headers", 4, WorkplaceScenes::mailHeaders),
                new Named("fleet-telemetry", 5, WorkplaceScenes::fleetTelemetry));
    }

    static void supportChat(LabelledText t, SceneContext c) {
        Persona p = c.people.next(c.pickOf(Country.US, Country.GB, Country.US, Country.NL));
        String agent = c.pick(AGENTS);
        t.add("Chat #" + c.between(100000, 999999) + " opened " + c.recentDate() + "\n");
        t.add("[" + c.clock() + "] ").add(PERSON, agent).add(" (" + c.pick(COMPANIES) + " support): Hi ").add(PERSON, p.givenName())
                .add(", thanks for waiting! Which e-mail is the account under?\n");
        t.add("[" + c.clock() + "] ").add(PERSON, p.givenName()).add(": ").add(c.chance(50) ? "it's " : "").add(EMAIL_ADDRESS, p.email()).newline();
        if (c.chance(60)) {
            t.add("[" + c.clock() + "] ").add(PERSON, agent).add(": Thanks. For security, what's your date of birth?\n");
            t.add("[" + c.clock() + "] ").add(PERSON, p.givenName()).add(": ").add(DATE_OF_BIRTH, p.birthDate(c.r)).newline();
        }
        if (c.chance(55)) {
            t.add("[" + c.clock() + "] ").add(PERSON, p.givenName()).add(": I was charged twice on my card ")
                    .add(CREDIT_CARD, ValidIds.formatCard(ValidIds.card(c.r), c.r)).add(c.chance(50) ? " last week\n" : ", order 4471-" + c.between(1000, 9999) + "\n");
        } else {
            t.add("[" + c.clock() + "] ").add(PERSON, p.givenName()).add(": the parcel never arrived, tracking says delivered on ")
                    .add(c.recentDate()).newline();
        }
        t.add("[" + c.clock() + "] ").add(PERSON, agent).add(": Sorry about that. I'll call you on ").add(PHONE_NUMBER, p.phone())
                .add(" by " + c.weekday() + ".\n");
    }

    static void crmNote(LabelledText t, SceneContext c) {
        Persona p = c.people.next();
        t.add("Account ACC-" + c.between(10000, 99999) + " · note by ").add(PERSON, c.pick(AGENTS)).add(" · " + c.recentDate() + "\n");
        t.add(c.pickOf("Call with ", "Met ", "Quarterly review with ")).add(PERSON, p.fullName())
                .add(c.pickOf(" (procurement lead)", " (CFO)", "", " from " + c.pick(COMPANIES))).add(". ");
        t.add(c.pickOf("Renewal for 120 seats agreed in principle. ", "Wants the EU data residency add-on. ", "Unhappy with response times in Q3. "));
        t.add("Best reached on ").add(PHONE_NUMBER, p.phone()).add(c.chance(50) ? " or " : ", e-mail ").add(EMAIL_ADDRESS, p.email()).add(".\n");
        if (c.chance(60)) {
            t.add("Invoices now go to ").add(STREET_ADDRESS, p.address()).add(".\n");
        }
        t.add("Next step: revised quote by " + c.weekday() + ", follow-up on " + c.recentDate() + ".\n");
    }

    static void accessLog(LabelledText t, SceneContext c) {
        int lines = c.between(2, 5);
        for (int i = 0; i < lines; i++) {
            String when = c.moment().format(ACCESS_LOG_TIME);
            t.add(IP_ADDRESS, MachineValues.ip(c.r)).add(" - - [" + when + " +0000] \"" + c.pickOf("GET", "GET", "POST") + " "
                    + c.pick(PATHS) + " HTTP/1.1\" " + c.pickOf("200", "200", "304", "404", "302") + " " + c.between(120, 48000) + " \""
                    + c.pickOf("-", "https://www.google.com/", "https://brightdesk.io/pricing") + "\" \"").add(USER_AGENT, MachineValues.userAgent(c.r))
                    .add("\"\n");
        }
    }

    static void appLog(LabelledText t, SceneContext c) {
        Persona p = c.people.next();
        t.add(c.isoTimestamp() + " INFO  auth    login ok user=").add(EMAIL_ADDRESS, p.email()).add(" src=").add(IP_ADDRESS, MachineValues.ip(c.r))
                .add(" session=" + MachineValues.hex(c.r, 16) + "\n");
        if (c.chance(50)) {
            t.add(c.isoTimestamp() + " INFO  dhcp    lease renewed hw=").add(MAC_ADDRESS, MachineValues.mac(c.r)).add(" addr=")
                    .add(IP_ADDRESS, MachineValues.ipv4(c.r)).add(" ttl=86400\n");
        }
        if (c.chance(50)) {
            t.add(c.isoTimestamp() + " DEBUG mailer  password reset link issued: ").add(URL_WITH_PII, MachineValues.urlWithPii(c.r, p.email())).newline();
        }
        if (c.chance(40)) {
            t.add(c.isoTimestamp() + " ERROR db      retrying with fallback credentials user=app password=").add(CREDENTIAL, MachineValues.password(c.r))
                    .add(" attempt=" + c.between(1, 5) + "\n");
        }
        t.add(c.isoTimestamp() + " INFO  http    request_id=" + java.util.UUID.nameUUIDFromBytes(MachineValues.hex(c.r, 8).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + " status=200 duration_ms=" + c.between(3, 900) + "\n");
    }

    static void jsonPayload(LabelledText t, SceneContext c) {
        Persona p = c.people.next();
        t.add("{\"event\":\"" + c.pickOf("customer.created", "customer.updated", "checkout.completed") + "\",\"ts\":\"" + c.isoTimestamp()
                + "\",\"customer\":{\"id\":" + c.between(1000, 999999) + ",\"name\":\"").add(PERSON, p.fullName()).add("\",\"email\":\"")
                .add(EMAIL_ADDRESS, p.email()).add("\"");
        if (c.chance(60)) {
            t.add(",\"phone\":\"").add(PHONE_NUMBER, p.phone()).add("\"");
        }
        if (c.chance(50)) {
            t.add(",\"birthDate\":\"").add(DATE_OF_BIRTH, p.birthDateIso()).add("\"");
        }
        if (c.chance(40)) {
            t.add(",\"shippingAddress\":\"").add(STREET_ADDRESS, p.address().replace("\n", ", ")).add("\"");
        }
        t.add("}");
        if (c.chance(50)) {
            t.add(",\"payment\":{\"method\":\"sepa\",\"iban\":\"").add(IBAN, ValidIds.formatIban(ValidIds.iban(c.r), c.r)).add("\",\"amount\":"
                    + c.between(5, 900) + "." + c.between(10, 99) + "}");
        } else if (c.chance(50)) {
            t.add(",\"payment\":{\"method\":\"card\",\"pan\":\"").add(CREDIT_CARD, ValidIds.card(c.r)).add("\",\"exp\":\"0" + c.between(1, 9) + "/2"
                    + c.between(6, 9) + "\"}");
        }
        t.add(",\"client\":{\"ip\":\"").add(IP_ADDRESS, MachineValues.ip(c.r)).add("\"");
        if (c.chance(60)) {
            t.add(",\"userAgent\":\"").add(USER_AGENT, MachineValues.userAgent(c.r)).add("\"");
        }
        if (c.chance(30)) {
            t.add(",\"location\":\"").add(GEO_COORDINATES, MachineValues.coordinates(c.r).replace("\"", "''")).add("\"");
        }
        t.add("},\"version\":\"2." + c.between(0, 9) + "." + c.between(0, 30) + "\"}");
    }

    static void csvExport(LabelledText t, SceneContext c) {
        if (c.chance(50)) {
            t.add("customer_id,full_name,email,phone,date_of_birth,signup_date\n");
            int rows = c.between(2, 4);
            for (int i = 0; i < rows; i++) {
                Persona p = c.people.next();
                t.add(c.between(10000, 99999) + ",").add(PERSON, p.fullName()).add(",").add(EMAIL_ADDRESS, p.email()).add(",")
                        .add(PHONE_NUMBER, p.phone()).add(",").add(DATE_OF_BIRTH, p.birthDateIso()).add("," + c.moment().toLocalDate() + "\n");
            }
        } else {
            t.add("txn_id;timestamp;card_number;amount;currency;client_ip\n");
            int rows = c.between(2, 4);
            for (int i = 0; i < rows; i++) {
                t.add("T" + c.between(1000000, 9999999) + ";" + c.isoTimestamp() + ";").add(CREDIT_CARD, ValidIds.formatCard(ValidIds.card(c.r), c.r))
                        .add(";" + c.between(1, 999) + "," + c.between(10, 99) + ";" + c.pickOf("EUR", "USD", "GBP") + ";").add(IP_ADDRESS, MachineValues.ip(c.r))
                        .newline();
            }
        }
    }

    static void httpRequest(LabelledText t, SceneContext c) {
        Persona p = c.people.next();
        t.add(c.pickOf("POST /v1/sessions", "GET /v2/me", "PUT /api/profile") + " HTTP/1.1\nHost: api.brightdesk.io\nUser-Agent: ")
                .add(USER_AGENT, MachineValues.userAgent(c.r)).add("\nX-Forwarded-For: ").add(IP_ADDRESS, MachineValues.ipv4(c.r)).add(", ")
                .add(IP_ADDRESS, MachineValues.ipv4(c.r)).newline();
        if (c.chance(60)) {
            t.add("Authorization: Bearer ").add(CREDENTIAL, MachineValues.jwt(c.r)).newline();
        } else {
            t.add("X-Api-Key: ").add(CREDENTIAL, c.chance(50) ? MachineValues.stripeSecretKey(c.r) : MachineValues.from(c.r, MachineValues.ALNUM, 32)).newline();
        }
        if (c.chance(50)) {
            t.add("Referer: ").add(URL_WITH_PII, MachineValues.urlWithPii(c.r, p.email())).newline();
        }
        t.add("Accept: application/json\nContent-Length: " + c.between(40, 900) + "\n");
    }

    static void configFile(LabelledText t, SceneContext c) {
        Persona p = c.people.next();
        switch (c.r.nextInt(3)) {
            case 0 -> {
                t.add("# deploy/.env." + c.pickOf("production", "staging") + "\nAWS_REGION=eu-central-1\nAWS_ACCESS_KEY_ID=").add(CREDENTIAL, MachineValues.awsAccessKeyId(c.r))
                        .add("\nAWS_SECRET_ACCESS_KEY=").add(CREDENTIAL, MachineValues.awsSecretKey(c.r)).newline();
                if (c.chance(60)) {
                    t.add("GITHUB_TOKEN=").add(CREDENTIAL, MachineValues.githubToken(c.r)).newline();
                }
                if (c.chance(60)) {
                    t.add("SLACK_BOT_TOKEN=").add(CREDENTIAL, MachineValues.slackBotToken(c.r)).newline();
                }
                t.add("ADMIN_EMAIL=").add(EMAIL_ADDRESS, p.email()).add("\nMAX_POOL_SIZE=" + c.between(5, 50) + "\nLOG_LEVEL=info\n");
            }
            case 1 -> t.add("database:\n  host: db-" + c.between(1, 9) + ".internal\n  port: 5432\n  user: app\n  password: ")
                    .add(CREDENTIAL, MachineValues.password(c.r)).add("\nsmtp:\n  username: ").add(EMAIL_ADDRESS, p.email()).add("\n  password: ")
                    .add(CREDENTIAL, MachineValues.password(c.r)).add("\npayments:\n  stripe_key: ").add(CREDENTIAL, MachineValues.stripeSecretKey(c.r))
                    .add("\n  timeout: 30s\n");
            default -> t.add("spring.datasource.url=jdbc:postgresql://db.internal:5432/app\nspring.datasource.username=app\nspring.datasource.password=")
                    .add(CREDENTIAL, MachineValues.password(c.r)).add("\nnotify.owner=").add(EMAIL_ADDRESS, p.email())
                    .add("\nserver.port=8443\nmanagement.endpoints.web.exposure.include=health,info\n");
        }
    }

    static void teamChat(LabelledText t, SceneContext c) {
        Persona p = c.people.next();
        String a = c.pick(AGENTS);
        String b = c.pick(AGENTS);
        t.add("#ops-escalations\n").add(PERSON, a).add(": heads-up, ").add(PERSON, p.fullName()).add(" from " + c.pick(COMPANIES)
                + " called again, number is ").add(PHONE_NUMBER, p.phone()).newline();
        t.add(PERSON, b).add(": on it. fyi someone pasted a token in #general: ").add(CREDENTIAL, MachineValues.apiSecret(c.r)).add(" - rotating it now\n");
        if (c.chance(50)) {
            t.add(PERSON, a).add(": thx. replacement goes to ").add(STREET_ADDRESS, p.address().replace("\n", ", ")).add(", ship by " + c.weekday() + "\n");
        } else {
            t.add(PERSON, a).add(": thx. standup moved to " + c.clock() + " on " + c.weekday() + "\n");
        }
    }

    static void ciLog(LabelledText t, SceneContext c) {
        String token = MachineValues.githubToken(c.r);
        t.add("Step " + c.between(2, 5) + "/9 : RUN ./scripts/deploy.sh\n+ export AWS_ACCESS_KEY_ID=").add(CREDENTIAL, MachineValues.awsAccessKeyId(c.r)).newline();
        t.add("+ curl -sS -H \"Authorization: token ").add(CREDENTIAL, token).add("\" https://api.github.com/repos/polar-cloud/infra/releases/latest\n");
        if (c.chance(50)) {
            t.add("+ curl -X POST -H 'Authorization: Bearer ").add(CREDENTIAL, MachineValues.slackBotToken(c.r))
                    .add("' https://slack.com/api/chat.postMessage -d channel=C0" + c.between(1000000, 9999999) + "\n");
        }
        t.add("deploy: done in " + c.between(10, 99) + "." + c.between(0, 9) + "s (commit " + MachineValues.hex(c.r, 7) + ", build " + c.between(100, 9999) + ")\n");
    }

    static void mailHeaders(LabelledText t, SceneContext c) {
        Persona p = c.people.next();
        t.add("Received: from mail-" + MachineValues.hex(c.r, 4) + ".outbound.example.net ([").add(IP_ADDRESS, MachineValues.ipv4(c.r))
                .add("]) by mx1.brightdesk.io with ESMTPS id " + MachineValues.hex(c.r, 12) + "\nFrom: \"").add(PERSON, p.fullName()).add("\" <")
                .add(EMAIL_ADDRESS, p.email()).add(">\nTo: ").add(EMAIL_ADDRESS, c.pickOf("billing", "support", "accounts") + "@brightdesk.io").newline();
        t.add("Date: " + c.recentDate() + " " + c.clock() + "\nX-Originating-IP: [").add(IP_ADDRESS, MachineValues.ipv4(c.r)).add("]\n");
        t.add("Subject: " + c.pickOf("Invoice question", "Change of address", "Cancel subscription") + "\n");
    }

    static void fleetTelemetry(LabelledText t, SceneContext c) {
        Persona driver = c.people.next();
        int lines = c.between(2, 3);
        String van = "VAN-" + c.between(100, 999);
        for (int i = 0; i < lines; i++) {
            t.add("[" + c.isoTimestamp() + "] " + van + " driver=").add(PERSON, driver.fullName()).add(" pos=")
                    .add(GEO_COORDINATES, MachineValues.coordinates(c.r)).add(" speed=" + c.between(0, 110) + "km/h");
            if (c.chance(50)) {
                t.add(" gw=").add(MAC_ADDRESS, MachineValues.mac(c.r)).add(" wan=").add(IP_ADDRESS, MachineValues.ip(c.r));
            }
            t.newline();
        }
    }
}
