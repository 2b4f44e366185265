package dev.piimap.scanner.eval;

import dev.piimap.scanner.eval.Persona.Country;
import dev.piimap.scanner.eval.SceneContext.Named;

import java.util.List;

import static dev.piimap.classifiers.EntityType.CREDIT_CARD;
import static dev.piimap.classifiers.EntityType.DATE_OF_BIRTH;
import static dev.piimap.classifiers.EntityType.DE_TAX_ID;
import static dev.piimap.classifiers.EntityType.EMAIL_ADDRESS;
import static dev.piimap.classifiers.EntityType.ES_DNI;
import static dev.piimap.classifiers.EntityType.EU_VAT_ID;
import static dev.piimap.classifiers.EntityType.FR_INSEE;
import static dev.piimap.classifiers.EntityType.GEO_COORDINATES;
import static dev.piimap.classifiers.EntityType.IBAN;
import static dev.piimap.classifiers.EntityType.IT_FISCAL_CODE;
import static dev.piimap.classifiers.EntityType.PASSPORT_NUMBER;
import static dev.piimap.classifiers.EntityType.PERSON;
import static dev.piimap.classifiers.EntityType.PHONE_NUMBER;
import static dev.piimap.classifiers.EntityType.STREET_ADDRESS;
import static dev.piimap.classifiers.EntityType.UK_NHS_NUMBER;
import static dev.piimap.classifiers.EntityType.UK_NINO;
import static dev.piimap.classifiers.EntityType.US_ABA_ROUTING;
import static dev.piimap.classifiers.EntityType.US_ITIN;
import static dev.piimap.classifiers.EntityType.US_SSN;

/**
 * Records from regulated paperwork: KYC forms, bank statements, payroll changes, NHS referrals,
 * travel bookings, insurance claims, and letters in German, French, Spanish, Italian and Dutch.
 * National identifiers appear with the words that name them, as on real forms.
 */
final class FormScenes {
    private static final String[] CLERKS = {"Anna Becker", "James Whitfield", "Sophie Laurent", "Marco Bellini", "Lucía Romero", "Joost de Vries"};

    private FormScenes() {
    }

    static List<Named> all() {
        return List.of(
                new Named("kyc-form", 10, FormScenes::kycForm),
                new Named("bank-statement", 7, FormScenes::bankStatement),
                new Named("us-payroll", 6, FormScenes::usPayroll),
                new Named("nhs-referral", 5, FormScenes::nhsReferral),
                new Named("travel-booking", 5, FormScenes::travelBooking),
                new Named("insurance-claim", 4, FormScenes::insuranceClaim),
                new Named("letter-de", 5, FormScenes::letterDe),
                new Named("letter-fr", 5, FormScenes::letterFr),
                new Named("letter-es", 5, FormScenes::letterEs),
                new Named("letter-it", 5, FormScenes::letterIt),
                new Named("letter-nl", 4, FormScenes::letterNl));
    }

    static void kycForm(LabelledText t, SceneContext c) {
        Persona p = c.people.next();
        t.add("KYC review - case KYC-" + c.moment().getYear() + "-" + c.between(10000, 99999) + "\nFull name: ").add(PERSON, p.fullName())
                .add("\nDate of birth: ").add(DATE_OF_BIRTH, p.birthDate(c.r)).add("\nNationality: " + p.country().name() + "\n");
        nationalId(t, c, p);
        if (c.chance(60)) {
            t.add("Passport no.: ").add(PASSPORT_NUMBER, ValidIds.passport(p.country().name(), c.r)).add("  expires " + c.recentDate() + "\n");
        }
        t.add("Residential address: ").add(STREET_ADDRESS, p.address()).add("\nMobile: ").add(PHONE_NUMBER, p.phone()).add("\nEmail: ")
                .add(EMAIL_ADDRESS, p.email()).newline();
        if (c.chance(50)) {
            t.add("Salary account: ").add(IBAN, ValidIds.formatIban(ValidIds.iban(c.r), c.r)).newline();
        }
        t.add("Reviewed by ").add(PERSON, c.pick(CLERKS)).add(" on " + c.recentDate() + " - risk score " + c.between(1, 99) + "/100\n");
    }

    private static void nationalId(LabelledText t, SceneContext c, Persona p) {
        switch (p.country()) {
            case US -> t.add("SSN: ").add(US_SSN, ValidIds.ssn(c.r)).newline();
            case GB -> t.add("National Insurance number: ").add(UK_NINO, ValidIds.ukNino(c.r)).newline();
            case DE -> t.add("Steuer-ID: ").add(DE_TAX_ID, ValidIds.deTaxId(c.r)).newline();
            case FR -> t.add("N° de sécurité sociale: ").add(FR_INSEE, ValidIds.frInsee(c.r, p.birthDate(), p.female())).newline();
            case ES -> t.add("DNI/NIE: ").add(ES_DNI, ValidIds.esDni(c.r)).newline();
            case IT -> t.add("Codice fiscale: ").add(IT_FISCAL_CODE, ValidIds.itFiscalCode(c.r, p.surname(), p.givenName(), p.birthDate(), p.female())).newline();
            case NL -> t.add("Passport number: ").add(PASSPORT_NUMBER, ValidIds.passport("NL", c.r)).newline();
        }
    }

    static void bankStatement(LabelledText t, SceneContext c) {
        Persona p = c.people.next();
        boolean us = p.country() == Country.US;
        t.add("Kestrel Bank statement " + c.recentDate() + "\nAccount holder: ").add(PERSON, p.fullName()).newline();
        if (us) {
            t.add("Routing number (ABA): ").add(US_ABA_ROUTING, ValidIds.abaRouting(c.r)).add("   Account ****" + c.between(1000, 9999) + "\n");
        } else {
            t.add("IBAN: ").add(IBAN, ValidIds.formatIban(ValidIds.iban(p.country().name(), c.r), c.r)).add("   BIC: "
                    + c.pickOf("DEUTDEFFXXX", "INGBNL2A", "BNPAFRPP", "BSCHESMM", "UNCRITMM") + "\n");
        }
        t.add("Date        Description                              Amount\n");
        int rows = c.between(2, 4);
        for (int i = 0; i < rows; i++) {
            t.add(c.moment().toLocalDate() + "  ");
            switch (c.r.nextInt(4)) {
                case 0 -> {
                    Persona payee = c.people.next();
                    t.add("Transfer to ").add(PERSON, payee.fullName()).add(" ").add(IBAN, ValidIds.formatIban(ValidIds.iban(c.r), c.r));
                }
                case 1 -> t.add("Card payment " + c.pickOf("5412", "4929", "3782") + " **** **** " + c.between(1000, 9999) + " SUPERMARKT");
                case 2 -> t.add("Standing order ref SO-" + c.between(100000, 999999));
                default -> t.add("Refund to card ").add(CREDIT_CARD, ValidIds.formatCard(ValidIds.card(c.r), c.r));
            }
            t.add("   " + (c.chance(50) ? "-" : "+") + c.between(1, 2500) + "." + c.between(10, 99) + "\n");
        }
    }

    static void usPayroll(LabelledText t, SceneContext c) {
        Persona p = c.people.next(Country.US);
        t.add("Payroll change request #PR-" + c.between(1000, 9999) + " (effective " + c.recentDate() + ")\nEmployee: ").add(PERSON, p.fullName())
                .add(", employee no. E-" + c.between(10000, 99999) + "\n");
        if (c.chance(60)) {
            t.add(c.pickOf("SSN: ", "Social Security No. ", "SSN#")).add(US_SSN, c.chance(80) ? ValidIds.ssn(c.r) : ValidIds.ssn(c.r).replace("-", " ")).newline();
        } else {
            t.add("ITIN: ").add(US_ITIN, ValidIds.itin(c.r)).newline();
        }
        t.add(c.pickOf("DOB: ", "Date of birth: ", "Birth date: ")).add(DATE_OF_BIRTH, p.birthDate(c.r))
                .add("\nDirect deposit: routing number ").add(US_ABA_ROUTING, ValidIds.abaRouting(c.r)).add(", checking account ending " + c.between(1000, 9999))
                .add("\nHome address: ").add(STREET_ADDRESS, p.address()).add("\nApproved by payroll on " + c.recentDate() + "\n");
    }

    static void nhsReferral(LabelledText t, SceneContext c) {
        Persona p = c.people.next(Country.GB);
        Persona gp = c.people.next(Country.GB);
        t.add("Referral " + c.recentDate() + " - Cardiology outpatients\nPatient: ").add(PERSON, p.fullName()).add(", DOB ").add(DATE_OF_BIRTH, p.birthDate(c.r))
                .add("\nNHS No: ").add(UK_NHS_NUMBER, ValidIds.nhsNumber(c.r)).newline();
        if (c.chance(50)) {
            t.add("NI number: ").add(UK_NINO, ValidIds.ukNino(c.r)).newline();
        }
        t.add("Address: ").add(STREET_ADDRESS, p.address().replace("\n", ", ")).add("\nTel: ").add(PHONE_NUMBER, p.phone())
                .add("\nReferred by Dr ").add(PERSON, gp.surname()).add(" - ECG on " + c.recentDate() + " showed intermittent AF.\n");
    }

    static void travelBooking(LabelledText t, SceneContext c) {
        Persona p = c.people.next();
        t.add("Booking " + ValidIds.upper(c.r, 6) + " | flight " + c.pickOf("LH", "AF", "KL", "IB", "AZ", "BA") + c.between(100, 9999) + " on "
                + c.recentDate() + " | seat " + c.between(1, 40) + c.pickOf("A", "C", "D", "F") + "\nPassenger: ").add(PERSON, p.fullName())
                .add("\nPassport number: ").add(PASSPORT_NUMBER, ValidIds.passport(p.country().name(), c.r)).add(" (" + p.country().name() + ")");
        t.add(c.chance(60) ? "\nDate of birth: " : "\nDOB ").add(DATE_OF_BIRTH, p.birthDate(c.r)).add("\nContact: ").add(PHONE_NUMBER, p.phone())
                .add(" / ").add(EMAIL_ADDRESS, p.email()).newline();
    }

    static void insuranceClaim(LabelledText t, SceneContext c) {
        Persona p = c.people.next();
        t.add("Claim CLM-" + c.between(100000, 999999) + " filed " + c.recentDate() + " by ").add(PERSON, p.fullName())
                .add(".\nIncident location: ").add(GEO_COORDINATES, MachineValues.coordinates(c.r)).add(" (reported via app)\nPolicy holder phone: ")
                .add(PHONE_NUMBER, p.phone()).add("\nRepair shop VAT ID: ").add(EU_VAT_ID, ValidIds.vatId(c.pickOf("DE", "FR", "IT", "BE", "NL", "AT", "ES", "PL"), c.r))
                .add("\nPayout to: ").add(IBAN, ValidIds.formatIban(ValidIds.iban(c.r), c.r)).newline();
    }

    static void letterDe(LabelledText t, SceneContext c) {
        Persona p = c.people.next(Country.DE);
        t.add(p.female() ? "Sehr geehrte Frau " : "Sehr geehrter Herr ").add(PERSON, p.surname()).add(",\n\nvielen Dank für Ihre Nachricht vom "
                + c.recentDate() + ". Wir haben Ihre Steuer-Identifikationsnummer ").add(DE_TAX_ID, ValidIds.deTaxId(c.r))
                .add(" und Ihr Geburtsdatum (").add(DATE_OF_BIRTH, p.birthDate(c.r)).add(") aktualisiert. ");
        t.add("Die Erstattung überweisen wir auf das Konto ").add(IBAN, ValidIds.formatIban(ValidIds.iban("DE", c.r), c.r))
                .add(".\nRückfragen gern unter ").add(PHONE_NUMBER, p.phone()).add(" oder per E-Mail an ").add(EMAIL_ADDRESS, p.email()).add(".\n");
        t.add("Ihre Anschrift laut Vertrag: ").add(STREET_ADDRESS, p.address()).add("\nUSt-IdNr. des Auftragnehmers: ")
                .add(EU_VAT_ID, ValidIds.vatId("DE", c.r)).add("\n\nMit freundlichen Grüßen\n").add(PERSON, c.pick(CLERKS)).newline();
    }

    static void letterFr(LabelledText t, SceneContext c) {
        Persona p = c.people.next(Country.FR);
        t.add(p.female() ? "Madame " : "Monsieur ").add(PERSON, p.fullName()).add(",\n\nsuite à votre appel du " + c.recentDate()
                + ", nous confirmons votre numéro de sécurité sociale ").add(FR_INSEE, ValidIds.frInsee(c.r, p.birthDate(), p.female()))
                .add(p.female() ? " (née le " : " (né le ").add(DATE_OF_BIRTH, p.birthDate(c.r)).add(").\n");
        t.add("Adresse : ").add(STREET_ADDRESS, p.address()).add(" - tél. ").add(PHONE_NUMBER, p.phone()).add(" - courriel ").add(EMAIL_ADDRESS, p.email())
                .add("\nN° TVA intracommunautaire du prestataire : ").add(EU_VAT_ID, ValidIds.vatId("FR", c.r)).add("\n\nCordialement,\n")
                .add(PERSON, c.pick(CLERKS)).newline();
    }

    static void letterEs(LabelledText t, SceneContext c) {
        Persona p = c.people.next(Country.ES);
        t.add(p.female() ? "Estimada " : "Estimado ").add(PERSON, p.fullName()).add(":\n\nle confirmamos el alta con DNI/NIE ").add(ES_DNI, ValidIds.esDni(c.r))
                .add(", fecha de nacimiento ").add(DATE_OF_BIRTH, p.birthDate(c.r)).add(", con domicilio en ").add(STREET_ADDRESS, p.address()).add(".\n");
        t.add("Teléfono móvil: ").add(PHONE_NUMBER, p.phone()).add(". Correo: ").add(EMAIL_ADDRESS, p.email()).add(".\nCuenta de domiciliación: ")
                .add(IBAN, ValidIds.formatIban(ValidIds.iban("ES", c.r), c.r)).add("\nNIF-IVA del proveedor: ").add(EU_VAT_ID, ValidIds.vatId("ES", c.r))
                .add("\nAtentamente, ").add(PERSON, c.pick(CLERKS)).newline();
    }

    static void letterIt(LabelledText t, SceneContext c) {
        Persona p = c.people.next(Country.IT);
        t.add("Gentile ").add(PERSON, p.fullName()).add(",\nla sua pratica del " + c.recentDate() + " è stata registrata con codice fiscale ")
                .add(IT_FISCAL_CODE, ValidIds.itFiscalCode(c.r, p.surname(), p.givenName(), p.birthDate(), p.female()))
                .add(p.female() ? " (nata il " : " (nato il ").add(DATE_OF_BIRTH, p.birthDate(c.r)).add(").\nResidenza: ").add(STREET_ADDRESS, p.address());
        t.add("\nCellulare ").add(PHONE_NUMBER, p.phone()).add(", e-mail ").add(EMAIL_ADDRESS, p.email()).add(".\nPartita IVA del fornitore: ")
                .add(EU_VAT_ID, ValidIds.vatId("IT", c.r)).add("\nIBAN per il rimborso: ").add(IBAN, ValidIds.formatIban(ValidIds.iban("IT", c.r), c.r))
                .add("\nCordiali saluti\n").add(PERSON, c.pick(CLERKS)).newline();
    }

    static void letterNl(LabelledText t, SceneContext c) {
        Persona p = c.people.next(Country.NL);
        t.add("Beste ").add(PERSON, p.givenName()).add(",\n\nuw gegevens zijn bijgewerkt op " + c.recentDate() + ": geboortedatum ")
                .add(DATE_OF_BIRTH, p.birthDate(c.r)).add(", adres ").add(STREET_ADDRESS, p.address()).add(", telefoon ").add(PHONE_NUMBER, p.phone())
                .add(", e-mail ").add(EMAIL_ADDRESS, p.email()).add(".\nRekeningnummer: ").add(IBAN, ValidIds.formatIban(ValidIds.iban("NL", c.r), c.r));
        if (c.chance(50)) {
            t.add("\nPaspoortnummer: ").add(PASSPORT_NUMBER, ValidIds.passport("NL", c.r));
        }
        t.add("\nBtw-nummer leverancier: ").add(EU_VAT_ID, ValidIds.vatId("NL", c.r)).add("\n\nMet vriendelijke groet,\n").add(PERSON, c.pick(CLERKS)).newline();
    }
}
