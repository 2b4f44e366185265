package dev.piimap.classifiers.nlp;

import dev.piimap.classifiers.EntityType;

import java.util.List;

/** A generated text with its gold mentions and the template it came from. */
record Sample(String template, String text, List<Mention> mentions) {
    List<Mention> mentionsOf(EntityType type) {
        return mentions.stream().filter(m -> m.type() == type).toList();
    }
}
