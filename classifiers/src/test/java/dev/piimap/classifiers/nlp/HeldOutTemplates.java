package dev.piimap.classifiers.nlp;

import java.util.List;

/**
 * Sentence shapes used only to evaluate the shipped detectors, never for training: other wording,
 * other document kinds (CRM notes, HR and medical records, JSON and YAML fields, SMS, delivery notes),
 * other negative sentences.
 */
final class HeldOutTemplates {
    static final List<String> ALL = List.of(
            // CRM and support notes
            "CRM note {DATE}: spoke to {NAME} regarding renewal of the {PRODUCT} subscription.",
            "Left voicemail for {TNAME}, will try again {WEEKDAY} morning.",
            "{NAME} is the new point of contact at {COMPANY} after {NAME} retired.",
            "Complaint received from {NAME} about late delivery to {ADDR1}.",
            "Opportunity owner changed: {NAME} -> {NAME}",
            "Callback requested by {TNAME} regarding ticket {TICKET}.",
            "Per {FIRST}'s request the account was closed on {DATE}.",
            // HR and medical
            "Performance review for {NAME}, reviewed by {NAME}, rating: exceeds.",
            "Leave request: {NAME}, {DATE} to {DATE}, approved by {TNAME}.",
            "Referred by {TNAME}. Patient {NAME} presents with mild fever.",
            "Next of kin: {NAME} (spouse), {PHONE}",
            "Onboarding checklist for {NAME}: badge, laptop ({PRODUCT}), {TEAM} access.",
            "Beneficiary: {CAPS}\nRelationship: daughter",
            // Structured fields
            "{\"customer\": \"{NAME}\", \"email\": \"{EMAIL}\", \"city\": \"{CITY}\"}",
            "owner: {NAME}\nteam: {TEAM}\nreviewers:\n  - {NAME}\n  - {NAME}",
            "<contact><name>{NAME}</name><phone>{PHONE}</phone></contact>",
            "customer_name='{NAME}' order_id={ORDER} amount={AMOUNT}",
            "\"{LAST}\",\"{FIRST}\",\"{DATE}\",\"{COUNTRY}\"",
            "Contact person ........ {NAME}\nPhone .................. {PHONE}",
            // Mail and messages
            "Reply-To: {NAME} <{EMAIL}>",
            "-----Original Message-----\nFrom: {NAME}\nSent: {DATE}\nSubject: {PRODUCT} quote",
            "Thanks again,\n{FIRST}\n\nSent from my {PRODUCT}",
            "Hallo {FIRST},\nanbei die Unterlagen.\nViele Grüße\n{NAME}",
            "Salut {FIRST}, on se voit à {CITY} {WEEKDAY} ?",
            "Hola {FIRST}, ¿puedes llamar a {NAME} mañana?",
            "SMS from {PHONE}: hi its {FIRST}, running late, tell {FIRST} pls",
            "Message for {TNAME}: your {PRODUCT} is ready for pickup.",
            "Congratulations to {NAME} on 10 years at {COMPANY}!",
            // Delivery notes and addresses
            "Delivery note {ORDER}\nRecipient: {NAME}\n{ADDRML}",
            "Parcel for {NAME} left with neighbour at {ADDR1}.",
            "Billing address: {ADDR1}. Shipping address: {ADDR1}.",
            "Moved from {ADDR1} to {ADDR1} in {MONTH}.",
            "Pickup point:\n{ADDRML}\nOpen {WEEKDAY} to {WEEKDAY}",
            "Lieferanschrift: {NAME}, {ADDR1}",
            "Adresse de livraison : {ADDR1}",
            "Indirizzo: {ADDR1}",
            "Postal address of the data controller: {COMPANY}, {ADDR1}.",
            "The package is at {ADDR}.",
            // Prose
            "Yesterday {NAME} gave a talk on {PRODUCT} at the {CITY} meetup.",
            "{NAME}, head of {TEAM}, confirmed the budget for {MONTH}.",
            "Photos by {NAME}. Edited by {NAME}.",
            "As {TNAME} pointed out, the contract with {COMPANY} ends in {MONTH}.",
            "I spoke to {FIRST} and {FIRST} after the {WEEKDAY} workshop.",
            "Written by {NAME} in {CITY}, {MONTH} {NUM}.",
            // Negatives
            "Paris",
            "See you in Paris on {WEEKDAY}!",
            "Tuesday's {PRODUCT} webinar has been moved to {MONTH}.",
            "{COMPANY} opened a new office in {CITY} last {MONTH}.",
            "Download {PRODUCT} {NUM} from the {COMPANY} portal.",
            "Mr. and Mrs. are titles, Dr. too.",
            "Dear customer, your {PRODUCT} order {ORDER} is on its way.",
            "Kind regards, the {TEAM} team",
            "The {CITY} branch on {FRAG} reopens {WEEKDAY}.",
            "{FRAG} is closed for roadworks until {MONTH}.",
            "Meet at Central Station, platform {NUM}.",
            "{OPENER}, {COUNTRY} beat {COUNTRY} {NUM}-{NUM}.",
            "Flight {ORDER} from {CITY} to {CITY} departs at {TIME}.",
            "Release {NUM}.{NUM} fixes the {PRODUCT} login bug.",
            "Happy {OPENER} from all of us at {COMPANY}!");

    private HeldOutTemplates() {
    }
}
