package dev.piimap.scanner.cli;

import dev.piimap.classifiers.EntityType;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Parses a {@code --types T1,T2} option; an unknown name is a usage error listing the valid ones. */
final class TypesOption {
    private TypesOption() {
    }

    static Set<EntityType> parse(List<String> names) {
        Set<EntityType> set = EnumSet.noneOf(EntityType.class);
        for (String name : names) {
            try {
                set.add(EntityType.valueOf(name.trim()));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--types", name, "unknown entity type",
                        "use names from: " + String.join(",", Arrays.stream(EntityType.values()).map(Enum::name).toList()));
            }
        }
        return set;
    }
}
