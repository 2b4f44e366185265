package dev.piimap.classifiers.nlp;

import dev.piimap.classifiers.EntityType;

/** A gold entity in a generated text: {@code [start, end)} in UTF-16 offsets. */
record Mention(EntityType type, int start, int end) {
}
