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

    private Vocabulary() {
    }

    /**
     * The words of places, months, weekdays, teams and openers, for the gazetteer's "common word or
     * place" flag. Companies and products are left out: their words are mostly real names (Ralph Lauren).
     */
    static Stream<String> commonWords() {
        return Stream.of(CITIES, COUNTRIES, MONTHS, WEEKDAYS, TEAMS, OPENERS)
                .flatMap(List::stream)
                .flatMap(s -> Stream.of(s.split("[ &]+")));
    }
}
