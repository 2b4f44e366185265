package dev.piimap.classifiers.nlp;

import java.util.List;

/**
 * The sentence shapes the shipped model is trained on. {@link HeldOutTemplates} are a separate set
 * used only for evaluation; {@code CorpusGeneratorTest} checks that the two share no template.
 */
final class TrainingTemplates {
    /** Every training template: these and {@link RecordTemplates#ALL}. */
    static final List<String> ALL;

    /** Tickets, chat, mail, forms, invoices, logs, CSV, prose and negatives; more shapes in {@link RecordTemplates}. */
    private static final List<String> CORE = List.of(
            // Support tickets
            "Ticket {TICKET} opened by {NAME}: cannot log in to {PRODUCT} since {WEEKDAY}.",
            "Customer {NAME} reports that the {PRODUCT} keeps crashing after the update.",
            "{NAME} called about order {ORDER}; the parcel never arrived in {CITY}.",
            "Assigned to {NAME} ({TEAM}). Priority: high. Reporter: {NAME}.",
            "Hi team, {FIRST} from {COMPANY} needs a refund of {AMOUNT} for invoice {ORDER}.",
            "Escalated by {TNAME} on {DATE} because the {PRODUCT} licence expired.",
            "Please reset the password for {NAME} ({EMAIL}), she is locked out.",
            "Requester: {NAME}\nSubject: {PRODUCT} not syncing\nStatus: open",
            "Case {TICKET}: {TNAME} wants to change the delivery address to {ADDR1}.",
            "Reassigning {TICKET} from {NAME} to {NAME} as discussed on {WEEKDAY}.",
            "{OPENER}, the {PRODUCT} order {ORDER} was shipped to {CITY} on {DATE}.",
            "Refund approved for {LF} – {AMOUNT} back to the original card.",
            "The customer, {NAME}, asked us to delete all data held about {FIRST}.",
            "Spoke with {TNAME} about the outage in {CITY}; follow-up on {WEEKDAY}.",
            "Internal note: {FIRST} prefers e-mail, never call before 10am.",
            // Chat lines
            "[{TIME}] {FIRST}: anyone seen the {PRODUCT} release notes?",
            "[{TIME}] <{USER}> {FIRST} can you review my PR before {WEEKDAY}?",
            "{FIRST}: sure, I'll ping {NAME} about it",
            "[{TIME}] {NAME}: the {PRODUCT} build is green again",
            "{NAME}: can someone approve my expense report?",
            "lol {FIRST} that's exactly what {FIRST} said yesterday",
            "hey {FIRST}, are you joining the call with {COMPANY} at {TIME}?",
            "{TIME} {NAME} joined the channel",
            "thanks {FIRST}! see you in {CITY} next {MONTH}",
            "@{USER} please loop in {NAME} from {TEAM}",
            "{NAME} left the meeting",
            "OK, I told {FIRST} and {FIRST} to wait for the {PRODUCT} fix.",
            // E-mail headers and signatures
            "From: \"{NAME}\" <{EMAIL}>\nTo: {OEMAIL}\nSubject: {OPENER} - order {ORDER}",
            "From: {NAME} <{EMAIL}>\nSent: {WEEKDAY}, {DATE} {TIME}\nTo: {NAME} <{EMAIL}>",
            "To: {NAME} <{EMAIL}>\nCc: {NAME} <{EMAIL}>\nSubject: {TEAM} review",
            "Dear {TNAME},\n\nthank you for your message about the {PRODUCT}.\n\nKind regards,\n{NAME}\n{TEAM}, {COMPANY}",
            "Dear {FIRST},\nplease find attached the invoice for {MONTH}.\nBest regards,\n{NAME}",
            "Hi {FIRST},\n\nquick reminder about {WEEKDAY}.\n\nCheers,\n{FIRST}",
            "Best,\n{NAME}\nSenior Engineer | {COMPANY}\n{PHONE}",
            "Regards,\n{NAME}\n{ADDRML}\nTel. {PHONE}",
            "Sehr geehrte {TNAME},\nvielen Dank für Ihre Nachricht.\nMit freundlichen Grüßen\n{NAME}",
            "Bonjour {TNAME},\nmerci pour votre commande {ORDER}.\nCordialement,\n{NAME}",
            "Estimada {TNAME}:\nle confirmamos el pedido {ORDER}.\nSaludos,\n{NAME}",
            "Gentile {TNAME},\nla ringraziamo per il suo ordine.\nCordiali saluti,\n{NAME}",
            "Beste {FIRST},\nbedankt voor je bericht.\nMet vriendelijke groet,\n{NAME}",
            "On {DATE}, {NAME} <{EMAIL}> wrote:\n> can we move the call to {WEEKDAY}?",
            "Sincerely yours,\n{CAPS}\nHead of {TEAM}",
            // Forms
            "Name: {NAME}\nEmail: {EMAIL}\nPhone: {PHONE}",
            "First name: {FIRST}\nLast name: {LAST}\nCity: {CITY}",
            "Full name: {CAPS}; Date of issue: {DATE}; Nationality: {COUNTRY}",
            "Patient: {LF}   Ward: {NUM}   Admitted: {DATE}",
            "Employee name: {NAME} | Department: {TEAM} | Start date: {DATE}",
            "Vorname: {FIRST}\nNachname: {LAST}\nAnschrift: {ADDR1}",
            "Nom : {LAST}\nPrénom : {FIRST}\nAdresse : {ADDR1}",
            "Nombre: {NAME}\nDirección: {ADDR1}",
            "Emergency contact: {NAME} ({PHONE})",
            "Account holder: {NAME}\nIBAN on file, card ending {NUM}",
            "Applicant {NAME}, born {DATE} in {CITY}, applies for the {PRODUCT} programme.",
            "Signed: {NAME}    Date: {DATE}",
            // Invoices and shipping
            "Bill to:\n{NAME}\n{ADDRML}",
            "Ship to: {NAME}, {ADDR1}",
            "INVOICE {ORDER}\nCustomer: {COMPANY}\nAttn: {NAME}\n{ADDRML}\nTotal: {AMOUNT}",
            "Deliver to {TNAME} at {ADDR1} between {TIME} and {TIME}.",
            "Sold to {NAME} | {ADDR1} | {AMOUNT}",
            "Rechnungsadresse:\n{NAME}\n{ADDRML}",
            "Destinataire : {NAME}\n{ADDRML}",
            "Return label for {NAME}, {ADDR1}. Carrier: {COMPANY}.",
            "Order {ORDER} ({PRODUCT} x{NUM}) dispatched to {ADDR} on {DATE}.",
            "Your {PRODUCT} will be delivered to {ADDR1} on {WEEKDAY}.",
            // Logs
            "{DATE} {TIME} INFO login succeeded user={USER} name=\"{NAME}\" ip={IP}",
            "{DATE}T{TIME}:00Z WARN password reset requested for {EMAIL} ({NAME})",
            "level=info msg=\"profile updated\" user_id={NUM} display_name=\"{NAME}\"",
            "{DATE} {TIME} user={USER} action=download file=report-{MONTH}.pdf",
            "audit: {NAME} changed role of {NAME} to admin",
            "[{TIME}] job {ORDER} finished, owner {USER}, {NUM} rows exported to {PRODUCT}",
            "{DATE} {TIME} ERROR {PRODUCT} sync failed for account {NUM} (contact: {NAME})",
            "GET /api/users/{NUM} 200 {NUM}ms ua=\"{PRODUCT}\"",
            // CSV and tables
            "{NUM},{FIRST},{LAST},{EMAIL},{CITY}",
            "{NUM};\"{LF}\";{DATE};{AMOUNT}",
            "id,name,city\n{NUM},{NAME},{CITY}\n{NUM},{NAME},{CITY}",
            "{NAME}\t{EMAIL}\t{PHONE}\t{COUNTRY}",
            "| {NAME} | {TEAM} | {CITY} |",
            "{LAST}, {FIRST} | {DATE} | {AMOUNT}",
            // Prose
            "{OPENER} {NAME} presented the {PRODUCT} roadmap to the board.",
            "According to {TNAME}, the {CITY} office will close in {MONTH}.",
            "{NAME} and {NAME} met in {CITY} to sign the contract with {COMPANY}.",
            "The award went to {NAME}, who joined {COMPANY} in {MONTH} {NUM}.",
            "We thank {TNAME} and {TNAME} for their support.",
            "{FIRST} said the {PRODUCT} demo went well.",
            "Last {WEEKDAY} {NAME} flew from {CITY} to {CITY} for the {TEAM} offsite.",
            "Minutes taken by {NAME}. Present: {NAME}, {NAME}, {NAME}.",
            "{NAME}'s laptop was replaced with a {PRODUCT}.",
            "Meeting with {NAME} from {COMPANY} moved to {WEEKDAY} {TIME}.",
            "Interview scheduled: candidate {NAME}, panel {NAME} and {NAME}.",
            "My name is {NAME} and I live at {ADDR1}.",
            "I am writing on behalf of my mother, {NAME}, who moved to {ADDR1}.",
            "Mr. and Mrs. {LAST} visited the {CITY} branch on {DATE}.",
            "It was {NAME}, not {FIRST}, who approved the {AMOUNT} payment.",
            "{FIRST} and {FIRST} will cover the {CITY} booth; ask {NAME} for badges.",
            "Thanks to {NAME}, {NAME} and {FIRST} for the quick turnaround!",
            "cc {FIRST}, {FIRST} - please review before {WEEKDAY}",
            "Best wishes to {NAME} who leaves {COMPANY} after {NUM} years.",
            "Signed by {NAME} on behalf of {COMPANY}, witnessed by {NAME}.",
            "{NAME} ({TEAM}) will replace {NAME} as project lead in {MONTH}.",
            "We hired {NAME} as {TEAM} manager; {FIRST} starts on {WEEKDAY}.",
            // Negatives: capitalised words that are not names
            "{OPENER} the {PRODUCT} update was released in {CITY}.",
            "Paris is lovely in {MONTH}.",
            "We fly to {CITY} on {WEEKDAY} and return to {CITY} on {WEEKDAY}.",
            "{COMPANY} acquired {COMPANY} for {AMOUNT} million.",
            "The {PRODUCT} and the {PRODUCT} are both out of stock.",
            "{MONTH} sales in {COUNTRY} grew by {NUM} percent.",
            "Our {TEAM} team in {CITY} handles all {COUNTRY} accounts.",
            "{OPENER}: {PRODUCT} {NUM} is available for download.",
            "{WEEKDAY} {DATE}: {TEAM} stand-up moved to {TIME}.",
            "Visit our store on {FRAG} for the {PRODUCT} launch.",
            "The office on {FRAG} is closed for {OPENER}.",
            "{OPENER} we shipped {NUM} units of {PRODUCT} to {COMPANY}.",
            "Please contact {OEMAIL} or call {PHONE}.",
            "Order {ORDER} total {AMOUNT} paid by card.",
            "{CITY}, {COUNTRY} - {DATE}",
            "THE {PRODUCT} SALE ENDS {WEEKDAY}!",
            "Ford and Dell reported results on {WEEKDAY}.",
            "May {NUM} is a holiday in {COUNTRY}.",
            "Will the {PRODUCT} arrive before {MONTH}?",
            "Jordan, Georgia and Chad are countries; Austin and Florence are cities.",
            "{COMPANY} Customer Service\n{OEMAIL}\n{PHONE}",
            "Warehouse: {FRAG}. Pickup from {TIME}.",
            "Status: {OPENER}. Owner: {TEAM}. Due: {DATE}.",
            "{OPENER}! The {CITY} Marathon starts at {TIME}.",
            "Model {PRODUCT} / SKU {ORDER} / Color Black",
            "New York and Los Angeles offices report to the {TEAM} lead.",
            "{ADDR} has been added to your address book.",
            "Delivery address changed to {ADDR}.",
            "Our headquarters: {ADDRML}",
            "Visit us at {ADDR1} or online.");

    static {
        List<String> all = new java.util.ArrayList<>(CORE);
        all.addAll(RecordTemplates.ALL);
        ALL = List.copyOf(all);
    }

    private TrainingTemplates() {
    }
}
