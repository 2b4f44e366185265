package dev.piimap.scanner.eval;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/** What a scene draws from: the corpus's random source, its personas, and unlabelled filler values. */
final class SceneContext {
    /** Scene writers; each appends one record's text and labels. */
    interface Scene {
        void write(LabelledText t, SceneContext c);
    }

    /**
     * A scene with its name (part of record ids), its weight among the positive or negative scenes,
     * and, for a hard negative, the category of look-alike it is built around ({@link NegativeScenes}).
     */
    record Named(String name, int weight, Scene scene, String kind) {
        /** A positive scene: no kind. */
        Named(String name, int weight, Scene scene) {
            this(name, weight, scene, null);
        }
    }

    private static final LocalDateTime EPOCH = LocalDateTime.of(2021, 1, 1, 0, 0);
    private static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
    private static final DateTimeFormatter ISO_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT);
    private static final DateTimeFormatter[] DATE_STYLES = Stream.of("yyyy-MM-dd", "dd/MM/yyyy", "MM/dd/yyyy", "dd.MM.yyyy", "d MMMM yyyy",
            "MMMM d, yyyy").map(p -> DateTimeFormatter.ofPattern(p, Locale.ENGLISH)).toArray(DateTimeFormatter[]::new);

    final Random r;
    final Persona.Factory people;

    SceneContext(Random r) {
        this.r = r;
        this.people = new Persona.Factory(r);
    }

    /** A moment in 2021-2025, for timestamps and dates that are not birth dates. */
    LocalDateTime moment() {
        return EPOCH.plusSeconds(r.nextInt(5 * 365 * 24 * 3600));
    }

    String isoTimestamp() {
        return moment().format(ISO_TIMESTAMP);
    }

    /** A recent date, not a birth date, written in a style picked at random. */
    String recentDate() {
        LocalDate d = moment().toLocalDate();
        return d.format(DATE_STYLES[r.nextInt(DATE_STYLES.length)]);
    }

    String clock() {
        return String.format(Locale.ROOT, "%02d:%02d", 8 + r.nextInt(10), r.nextInt(60));
    }

    String weekday() {
        return WEEKDAYS[r.nextInt(WEEKDAYS.length)];
    }

    int between(int from, int to) {
        return from + r.nextInt(to - from + 1);
    }

    boolean chance(int percent) {
        return r.nextInt(100) < percent;
    }

    <T> T pick(T[] options) {
        return options[r.nextInt(options.length)];
    }

    @SafeVarargs
    final <T> T pickOf(T... options) {
        return options[r.nextInt(options.length)];
    }
}
