package dev.piimap.classifiers.nlp;

import net.datafaker.Faker;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Capitalised things that are not people, for the corpus's negative slots: product, app, book and
 * team names, companies (often named after people: {@code Kuhn LLC}), towns ({@code Port Hope}),
 * job titles, form labels, acronyms and reference codes, all from datafaker or built from word lists.
 * Deterministic for a given {@link Random}.
 */
final class ThingFactory {
    private static final List<String> ITEM_WORDS = List.of("Lamp", "Desk", "Kettle", "Toaster", "Blender", "Router",
            "Headset", "Speaker", "Charger", "Cable", "Adapter", "Tripod", "Drone", "Tablet", "Monitor", "Printer",
            "Scanner", "Mouse", "Keyboard", "Jacket", "Boots", "Sneakers", "Hoodie", "Tent", "Sleeping Bag",
            "Water Bottle", "Mug", "Pan", "Skillet", "Knife Set", "Cutting Board", "Vacuum", "Humidifier", "Heater",
            "Fan", "Mattress", "Pillow", "Duvet", "Sofa", "Bookcase", "Cabinet", "Stool", "Rug", "Mirror", "Frame",
            "Planter", "Grill", "Cooler", "Bike Lock", "Helmet", "Yoga Mat", "Dumbbell", "Watch Strap", "Phone Case",
            "Power Bank", "Webcam", "Microphone", "Soundbar", "Projector", "Camera", "Lens", "Battery Pack");
    /** Style words of product names; none is a given or family name in the gazetteer alone (no Max, Nova). */
    private static final List<String> STYLE_WORDS = List.of("Classic", "Pro", "Mini", "Ultra", "Lite", "Plus",
            "Air", "Eco", "Smart", "Compact", "Deluxe", "Premium", "Essential", "Urban", "Alpine", "Coastal", "Arctic",
            "Solar", "Lunar", "Polar", "Granite", "Cedar", "Maple", "Willow", "Harbor", "Canyon", "Meadow", "Vertex",
            "Apex", "Zen", "Pulse", "Fusion", "Titan", "Quantum", "Carbon", "Crystal", "Thunder", "Glacier", "Summit");
    private static final List<String> LABELS = List.of("Date", "Description", "Amount", "Balance", "Reference", "Status",
            "Total", "Subtotal", "Quantity", "Unit Price", "Tax", "Discount", "Invoice Number", "Order Date", "Due Date",
            "Account Number", "Sort Code", "Routing Number", "Tax Number", "Tax Id", "National Insurance", "Social Security",
            "Passport Number", "Driving Licence", "Date of Birth", "Place of Birth", "Nationality", "Gender",
            "Marital Status", "Occupation", "Employer", "Annual Income", "Policy Number", "Claim Number", "Member Id",
            "Customer Id", "Booking Reference", "Ticket Number", "Seat", "Gate", "Boarding Time", "Terminal",
            "Departure", "Arrival", "Check-in", "Check-out", "Room Type", "Vehicle", "Licence Plate", "Odometer",
            "Fuel Level", "Serial Number", "Model", "Firmware", "Warranty", "Priority", "Severity", "Category",
            "Subject", "Summary", "Comments", "Notes", "Remarks", "Attachments", "Signature", "Approved", "Pending",
            "Rejected", "Paid", "Overdue", "Shipped", "Delivered", "Returned", "Refunded", "Cancelled", "Opening Balance",
            "Closing Balance", "Direct Debit", "Standing Order", "Card Payment", "Transfer", "Interest", "Fees");
    private static final List<String> ACRONYMS = List.of("VAT", "EAN", "SKU", "UPC", "IBAN", "BIC", "SWIFT", "PIN", "POS",
            "ATM", "HTTP", "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "API", "URL", "CEO", "CFO", "CTO", "COO", "HR",
            "IT", "EU", "USA", "UK", "PDF", "CSV", "XML", "JSON", "ID", "NIF", "TIN", "SSN", "DOB", "ETA", "FAQ", "ASAP",
            "FYI", "KPI", "SLA", "GDPR", "CCPA", "HIPAA", "PCI", "SOC", "ISO", "NDA", "RFP", "RMA", "QA", "UAT", "PROD",
            "DEV", "OK", "ERROR", "WARN", "INFO", "DEBUG", "TODO", "FIXME", "NHS", "GP", "ICU", "ER", "MRI", "ECG", "BP",
            "CET", "UTC", "EST", "PST", "GMT", "USD", "EUR", "GBP", "CHF", "LLC", "GMBH", "PLC", "VIN", "GPS", "SIM");

    private static final List<String> IDENT_WORDS = List.of("Order", "User", "Account", "Http", "Json", "Data", "Config",
            "Stream", "Buffer", "Event", "Task", "Job", "Cache", "Node", "Tree", "Map", "List", "File", "Path", "Token",
            "Session", "Request", "Response", "Query", "Table", "Row", "Column", "Schema", "Record", "Message", "Queue",
            "Worker", "Thread", "Pool", "Client", "Server", "Socket", "Parser", "Reader", "Writer", "Scanner", "Finder");
    private static final List<String> IDENT_SUFFIXES = List.of("Service", "Manager", "Controller", "Factory", "Impl",
            "Exception", "Handler", "Util", "Helper", "Builder", "Repository", "Provider", "Adapter", "Test", "Error");
    private static final List<String> PLACEHOLDERS = List.of("Foo", "Bar", "Baz", "Qux", "Widget", "Gadget", "Thing",
            "Item", "Base", "Main", "App", "Demo", "Sample", "Example", "Default", "Abstract", "Simple", "Generic");

    private final Random random;
    private final Faker us;
    private final Faker gb;

    ThingFactory(Random random) {
        this.random = random;
        us = new Faker(Locale.US, new Random(random.nextLong()));
        gb = new Faker(Locale.UK, new Random(random.nextLong()));
    }

    /** A product, app, appliance, device or book name. */
    String product() {
        return switch (random.nextInt(8)) {
            case 0 -> us.commerce().productName();
            case 1 -> us.app().name();
            case 2 -> pick(STYLE_WORDS) + " " + pick(ITEM_WORDS);
            case 3 -> us.commerce().brand() + " " + pick(ITEM_WORDS) + (random.nextBoolean() ? " " + (2 + random.nextInt(20)) : "");
            case 4 -> pick(STYLE_WORDS) + " " + pick(STYLE_WORDS) + " " + pick(ITEM_WORDS);
            case 5 -> us.appliance().equipment();
            case 6 -> us.book().title();
            default -> us.commerce().department() + " " + pick(ITEM_WORDS);
        };
    }

    /**
     * A company name. Those datafaker builds from family names are kept only with their legal or trade
     * suffix ({@code Kuhn LLC}): {@code Kuhn, Bogan and Schiller} or {@code Bogan-Schiller} could as well be people.
     */
    String company() {
        return switch (random.nextInt(4)) {
            case 0, 1 -> {
                String name = us.company().name();
                while (!name.matches(".* (Inc|LLC|Group|and Sons)")) {
                    name = us.company().name();
                }
                yield name;
            }
            case 2 -> pick(STYLE_WORDS) + " " + capitalise(us.company().industry().split("[ /&]")[0]);
            default -> pick(STYLE_WORDS) + " " + pick(List.of("Labs", "Systems", "Logistics", "Media", "Health", "Energy",
                    "Insurance", "Cloud", "Analytics", "Capital", "Foods", "Works", "Partners", "Group", "Studio"));
        };
    }

    /** A town as datafaker invents them, often from a person's name ({@code Lake Rodrick}, {@code Port Jenniferton}). */
    String town() {
        return random.nextBoolean() ? us.address().city() : gb.address().city();
    }

    String job() {
        return random.nextBoolean() ? us.job().title() : us.job().position();
    }

    /** A class or type name in code: {@code OrderService}, {@code Foo}, {@code HttpClientFactory}. */
    String identifier() {
        return switch (random.nextInt(3)) {
            case 0 -> pick(PLACEHOLDERS);
            case 1 -> pick(IDENT_WORDS) + pick(IDENT_SUFFIXES);
            default -> pick(IDENT_WORDS) + pick(IDENT_WORDS) + (random.nextBoolean() ? pick(IDENT_SUFFIXES) : "");
        };
    }

    /** A capitalised form or table label that is no name ({@code National Insurance}, {@code Closing Balance}). */
    String label() {
        return pick(LABELS);
    }

    String acronym() {
        return pick(ACRONYMS);
    }

    /** A reference, booking or stock code: {@code QXTRMB}, {@code B07K4PZ2QW}, {@code ZK-4471-B}. */
    String code() {
        StringBuilder s = new StringBuilder();
        switch (random.nextInt(4)) {
            case 0 -> appendLetters(s, 5 + random.nextInt(3));
            case 1 -> {
                s.append((char) ('A' + random.nextInt(26)));
                for (int i = 0; i < 9; i++) {
                    s.append(random.nextInt(3) == 0 ? (char) ('0' + random.nextInt(10)) : (char) ('A' + random.nextInt(26)));
                }
            }
            case 2 -> {
                appendLetters(s, 2);
                s.append('-').append(1000 + random.nextInt(9000)).append('-');
                appendLetters(s, 1 + random.nextInt(2));
            }
            default -> {
                appendLetters(s, 3);
                s.append(100 + random.nextInt(900));
            }
        }
        return s.toString();
    }

    /** A full address in the US or UK as datafaker writes it (street and town names from people's names). */
    String fakerAddress() {
        return random.nextBoolean() ? us.address().fullAddress() : gb.address().streetAddress() + ", " + gb.address().city()
                + " " + gb.address().postcode();
    }

    private void appendLetters(StringBuilder s, int n) {
        for (int i = 0; i < n; i++) {
            s.append((char) ('A' + random.nextInt(26)));
        }
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
