package dev.piimap.classifiers.nlp;

/** A generated person: given and family names (either may hold spaces or hyphens), an optional middle name. */
record PersonName(String culture, String given, String middle, String family, boolean familyFirst) {
}
