package dev.piimap.classifiers.nlp;

import java.util.List;
import java.util.stream.Stream;

/**
 * Capitalised words that are not person names, for the corpus's negative slots and the gazetteer's
 * "common word or place" flag: cities (several also given names), countries, companies (several
 * named after people), products, months, weekdays, teams and sentence openers.
 */
final class Vocabulary {
    static final List<String> CITIES = List.of(
            "Paris", "London", "Berlin", "Madrid", "Rome", "Amsterdam", "Vienna", "Zurich", "Geneva", "Brussels",
            "Lisbon", "Dublin", "Oslo", "Stockholm", "Copenhagen", "Helsinki", "Warsaw", "Prague", "Budapest",
            "Athens", "Istanbul", "Moscow", "Tokyo", "Osaka", "Beijing", "Shanghai", "Seoul", "Singapore",
            "Mumbai", "Delhi", "Bangalore", "Dubai", "Cairo", "Lagos", "Nairobi", "Johannesburg", "Sydney",
            "Melbourne", "Auckland", "Toronto", "Montreal", "Vancouver", "Chicago", "Boston", "Seattle", "Denver",
            "Austin", "Houston", "Dallas", "Phoenix", "Atlanta", "Miami", "Orlando", "Charlotte", "Nashville",
            "Portland", "Jackson", "Madison", "Lincoln", "Florence", "Victoria", "Sydney", "Hamilton", "Chester",
            "Marseille", "Lyon", "Toulouse", "Nice", "Bordeaux", "Munich", "Hamburg", "Cologne", "Frankfurt",
            "Stuttgart", "Leipzig", "Dresden", "Barcelona", "Valencia", "Seville", "Milan", "Naples", "Turin",
            "Venice", "Rotterdam", "Utrecht", "Antwerp", "Krakow", "Porto", "Manchester", "Liverpool",
            "Edinburgh", "Glasgow", "Bristol", "Leeds", "Cardiff", "Belfast", "Sao Paulo", "Buenos Aires",
            "Mexico City", "Bogota", "Lima", "Santiago", "San Francisco", "Los Angeles", "New York", "Las Vegas",
            "Springfield", "Salem", "Georgetown", "Alexandria", "Savannah", "Aurora", "Regina", "Adelaide");

    static final List<String> COUNTRIES = List.of(
            "Germany", "France", "Spain", "Italy", "Portugal", "Netherlands", "Belgium", "Austria", "Switzerland",
            "Poland", "Sweden", "Norway", "Denmark", "Finland", "Ireland", "Greece", "Turkey", "Japan", "China",
            "Korea", "India", "Brazil", "Mexico", "Canada", "Australia", "Nigeria", "Kenya", "Egypt", "Morocco",
            "Argentina", "Chile", "Colombia", "Peru", "Vietnam", "Indonesia", "Thailand", "Georgia", "Jordan",
            "Chad", "Israel", "Iran", "Russia", "Ukraine", "Hungary", "Romania", "Scotland", "Wales", "England");

    static final List<String> COMPANIES = List.of(
            "Acme Corp", "Globex", "Initech", "Umbrella Ltd", "Stark Industries", "Wayne Enterprises", "Ford",
            "Dell", "Johnson & Johnson", "Morgan Stanley", "Wells Fargo", "Goldman Sachs", "Procter & Gamble",
            "McDonald's", "Tesla", "Siemens", "Bosch", "Philips", "Nestlé", "Unilever", "Deutsche Bank", "Allianz",
            "Renault", "Peugeot", "Ferrari", "Lamborghini", "Porsche", "Mercedes-Benz", "Louis Vuitton",
            "Hugo Boss", "Ralph Lauren", "Tommy Hilfiger", "Calvin Klein", "Walt Disney", "Warner Bros",
            "Chase", "Barclays", "HSBC", "Santander", "ING", "Rabobank", "Zalando", "Spotify", "Oracle",
            "Salesforce", "Adobe", "Atlassian", "Shopify", "Stripe", "PayPal", "Amazon", "Google", "Microsoft",
            "Apple", "Samsung", "Sony", "Toyota", "Honda", "Nissan", "Hyundai", "Kia", "Volvo", "Ikea", "Lidl",
            "Aldi", "Carrefour", "Tesco", "Sainsbury's", "Marks & Spencer", "Harrods", "Boots", "Jet Blue",
            "Lufthansa", "Ryanair", "Air France", "KLM", "Iberia", "Alitalia", "DHL", "FedEx", "UPS", "Hermes",
            "Northwind Traders", "Contoso", "Fabrikam", "Tailspin Toys", "Blue Yonder Airlines", "Litware Inc");

    static final List<String> PRODUCTS = List.of(
            "iPhone 15", "Galaxy S23", "Pixel 8", "ThinkPad X1", "MacBook Pro", "Surface Laptop", "Kindle",
            "PlayStation 5", "Xbox", "Windows 11", "Office 365", "Excel", "Outlook", "Teams", "Slack", "Zoom",
            "Jira", "Confluence", "Salesforce CRM", "SAP", "Photoshop", "Chrome", "Firefox", "Safari", "Android",
            "Model Y", "Golf GTI", "Corolla", "Civic", "Fiesta", "Prius", "Roomba", "Alexa", "Siri", "Cortana",
            "Premium Plan", "Gold Membership", "Pro License", "Starter Kit", "Travel Adapter", "Smart Watch",
            "Nespresso Vertuo", "Dyson V15", "AirPods", "Echo Dot", "Apple Watch", "Kubernetes", "Postgres",
            "Docker", "Python", "Java", "Kotlin", "Rust", "Linux", "Ubuntu", "Debian", "Oracle Database");

    static final List<String> MONTHS = List.of(
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December", "Januar", "Februar", "März", "Mai", "Juni", "Juli", "Oktober", "Dezember",
            "janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre",
            "décembre", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
            "octubre", "noviembre", "diciembre", "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio",
            "settembre", "ottobre", "dicembre", "januari", "februari", "maart", "mei", "augustus");

    static final List<String> WEEKDAYS = List.of(
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Montag", "Dienstag",
            "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag", "lundi", "mardi", "mercredi", "jeudi",
            "vendredi", "samedi", "dimanche", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado",
            "domingo", "lunedì", "martedì", "venerdì", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag");

    static final List<String> TEAMS = List.of(
            "Customer Success", "Billing", "Support", "Sales", "Marketing", "Engineering", "Finance", "Legal",
            "Human Resources", "HR", "IT Operations", "Security", "Compliance", "Procurement", "Logistics",
            "Accounts Payable", "Accounts Receivable", "Payroll", "Quality Assurance", "Product Management",
            "Research", "Facilities", "Front Desk", "Help Desk", "Service Desk", "Data Protection Office");

    /** Capitalised words that open sentences or headings and are not names. */
    static final List<String> OPENERS = List.of(
            "Yesterday", "Today", "Tomorrow", "Please", "Thanks", "Unfortunately", "However", "Meanwhile",
            "Regarding", "Update", "Note", "Reminder", "Urgent", "Attached", "Hello", "Welcome", "Sorry",
            "Great", "Sure", "Okay", "Also", "Again", "Finally", "Currently", "Apparently", "Honestly",
            "Otherwise", "Tonight", "Later", "Overall", "Status", "Summary", "Action", "Priority", "Invoice",
            "Order", "Shipment", "Delivery", "Refund", "Payment", "Account", "Password", "Login", "Error",
            "Warning", "Report", "Meeting", "Agenda", "Minutes", "Project", "Release", "Version", "Build",
            "Christmas", "Easter", "Halloween", "Thanksgiving", "Ramadan", "Diwali", "New Year", "Black Friday");

    /**
     * Everyday words of letters, forms and records in German, French, Spanish, Italian, Dutch and
     * Portuguese, capitalised in those texts at a sentence start, in a label or (German) as nouns.
     */
    static final List<String> FOREIGN_WORDS = List.of(
            // Abbreviations of labels
            "tel", "tél", "fax", "mob", "ref", "nr", "qty", "pcs", "ext", "approx", "incl", "excl", "misc",
            // German
            "ihr", "ihre", "ihren", "ihrem", "ihrer", "sie", "wir", "unser", "unsere", "mein", "meine", "der", "die",
            "das", "den", "dem", "des", "ein", "eine", "und", "oder", "aber", "bitte", "danke", "vielen", "dank",
            "herzliche", "freundliche", "grüße", "gruß", "geehrte", "geehrter", "sehr", "hallo", "liebe", "lieber",
            "datum", "geburtsdatum", "geburtsort", "betrag", "summe", "rechnung", "rechnungsnummer", "kunde", "kundin",
            "kundennummer", "kundenkonto", "anschrift", "adresse", "straße", "telefon", "mobil", "bestellung",
            "lieferung", "zahlung", "überweisung", "konto", "kontonummer", "steuer", "steuernummer", "frage",
            "antwort", "anfrage", "nachricht", "betreff", "anlage", "anhang", "termin", "vertrag", "vertragsnummer",
            "versicherung", "schaden", "schadennummer", "antrag", "bescheid", "erstattung", "gutschrift", "mahnung",
            "frist", "unterschrift", "unterlagen", "ausweis", "personalausweis", "reisepass", "staatsangehörigkeit",
            "familienstand", "beruf", "arbeitgeber", "gehalt", "abrechnung", "lohn", "urlaub", "krankmeldung",
            "abteilung", "leitung", "geschäftsführung", "vorstand", "team", "kollegen", "mitarbeiter", "artikel",
            "menge", "preis", "gesamt", "mehrwertsteuer", "versand", "rücksendung", "bearbeitung", "hinweis",
            "wichtig", "dringend", "heute", "morgen", "gestern", "woche", "monat", "jahr", "uhr", "seite",
            // French
            "le", "la", "les", "un", "une", "des", "et", "ou", "mais", "votre", "vos", "notre", "nos", "madame",
            "monsieur", "bonjour", "merci", "cordialement", "salutations", "veuillez", "agréer", "objet", "date",
            "montant", "facture", "numéro", "client", "cliente", "commande", "livraison", "paiement", "compte",
            "adresse", "téléphone", "courriel", "naissance", "né", "née", "lieu", "dossier", "contrat", "assurance",
            "sinistre", "remboursement", "demande", "réponse", "pièce", "jointe", "signature", "service",
            "direction", "société", "référence", "total", "prix", "quantité", "article", "échéance", "relevé",
            // Spanish
            "el", "los", "las", "una", "unos", "y", "o", "pero", "su", "sus", "nuestro", "nuestra", "estimado",
            "estimada", "atentamente", "saludos", "gracias", "fecha", "importe", "factura", "número", "cliente",
            "pedido", "envío", "pago", "cuenta", "dirección", "teléfono", "correo", "nacimiento", "lugar",
            "expediente", "contrato", "seguro", "siniestro", "reembolso", "solicitud", "respuesta", "adjunto",
            "firma", "departamento", "empresa", "referencia", "precio", "cantidad", "vencimiento", "proveedor",
            // Italian
            "il", "lo", "gli", "uno", "ed", "ma", "suo", "sua", "nostro", "nostra", "gentile", "egregio", "cordiali",
            "saluti", "distinti", "grazie", "data", "importo", "fattura", "numero", "ordine", "spedizione",
            "pagamento", "conto", "indirizzo", "telefono", "cellulare", "nascita", "luogo", "pratica", "contratto",
            "assicurazione", "sinistro", "rimborso", "richiesta", "risposta", "allegato", "firma", "ufficio",
            "azienda", "riferimento", "prezzo", "quantità", "scadenza", "codice", "fiscale", "residenza",
            // Dutch
            "de", "het", "een", "en", "of", "maar", "uw", "onze", "ons", "geachte", "beste", "hartelijk", "bedankt",
            "groet", "groeten", "vriendelijke", "datum", "bedrag", "factuur", "nummer", "klant", "bestelling",
            "levering", "betaling", "rekening", "adres", "telefoon", "geboortedatum", "geboorteplaats", "dossier",
            "contract", "verzekering", "schade", "terugbetaling", "aanvraag", "antwoord", "bijlage", "handtekening",
            "afdeling", "bedrijf", "kenmerk", "prijs", "aantal", "vervaldatum",
            // Portuguese
            "os", "as", "um", "uma", "seu", "sua", "nosso", "nossa", "prezado", "prezada", "atenciosamente",
            "obrigado", "obrigada", "valor", "fatura", "número", "encomenda", "entrega", "pagamento", "conta",
            "endereço", "telefone", "nascimento", "local", "processo", "contrato", "seguro", "reembolso",
            "pedido", "resposta", "anexo", "assinatura", "departamento", "empresa", "referência", "preço");

    private Vocabulary() {
    }

    /**
     * The words of places, months, weekdays, teams and openers, for the gazetteer's "common word or
     * place" flag. Companies and products are left out: their words are mostly real names (Ralph Lauren).
     */
    static Stream<String> commonWords() {
        return Stream.of(CITIES, COUNTRIES, MONTHS, WEEKDAYS, TEAMS, OPENERS, FOREIGN_WORDS)
                .flatMap(List::stream)
                .flatMap(s -> Stream.of(s.split("[ &]+")));
    }
}
