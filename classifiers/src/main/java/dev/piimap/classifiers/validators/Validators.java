package dev.piimap.classifiers.validators;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/** The validators registered on the class path, by name. Loaded once per JVM; thread-safe. */
public final class Validators {
    private Validators() {
    }

    private static final class Registry {
        static final Map<String, Validator> BY_NAME = load();

        private static Map<String, Validator> load() {
            Map<String, Validator> byName = new TreeMap<>();
            for (Validator v : ServiceLoader.load(Validator.class, Validator.class.getClassLoader())) {
                Validator previous = byName.putIfAbsent(v.name(), v);
                if (previous != null && previous.getClass() != v.getClass()) {
                    throw new IllegalStateException("two validators are registered as '" + v.name() + "': "
                            + previous.getClass().getName() + " and " + v.getClass().getName()
                            + "; give one of them another name");
                }
            }
            return Map.copyOf(byName);
        }
    }

    /**
     * The validator registered as {@code name}.
     *
     * @throws IllegalArgumentException naming the unknown validator and the known names
     */
    public static Validator byName(String name) {
        Validator v = Registry.BY_NAME.get(name);
        if (v == null) {
            throw new IllegalArgumentException("unknown validator '" + name + "'; known validators: "
                    + new TreeMap<>(Registry.BY_NAME).keySet()
                    + " (a new one is registered in META-INF/services/" + Validator.class.getName() + ")");
        }
        return v;
    }

    /** The names of every registered validator. */
    public static Set<String> names() {
        return new TreeMap<>(Registry.BY_NAME).keySet();
    }
}
