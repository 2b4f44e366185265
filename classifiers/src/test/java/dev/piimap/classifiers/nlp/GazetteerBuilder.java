package dev.piimap.classifiers.nlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Builds the name gazetteer ({@link NameLexicon#GAZETTEER}) from datafaker's Latin-script name lists,
 * {@link RomanisedNames}, and common words: datafaker's English word lists, the words of the running
 * text of datafaker's other English files (product names, jobs, quotes, ...; {@link #proseWords}), and
 * {@link Vocabulary}.
 * Deterministic: the same datafaker version gives the same bytes.
 */
final class GazetteerBuilder {
    /** datafaker name files whose names are (mostly) in Latin script. */
    static final List<String> NAME_FILES = List.of(
            "en/name.yml", "en-AU.yml", "en-IE.yml", "en-IN.yml", "en-NEP.yml", "en-NG.yml", "en-NZ.yml",
            "en-PAK.yml", "en-PH.yml", "en-SG.yml", "en-UG.yml", "en-ZA.yml", "ca.yml", "cs-CZ.yml", "da-DK.yml",
            "de.yml", "de-AT.yml", "de-CH.yml", "es.yml", "es-AR.yml", "es-MX.yml", "et.yml", "fi-FI.yml", "fr.yml",
            "fr-CA.yml", "hr.yml", "hu.yml", "id.yml", "it.yml", "lv.yml", "nb-NO.yml", "nl.yml", "no-NO.yml",
            "pl.yml", "pt.yml", "pt-BR.yml", "ro-MD.yml", "sk.yml", "sq.yml", "sv.yml", "tr.yml", "uz.yml", "vi.yml");
    static final List<String> WORD_FILES = List.of("en/words.yml", "en/verbs.yml", "en/adjective.yml");
    private static final Pattern LATIN_NAME = Pattern.compile("[\\p{IsLatin}\\p{M}'’ .\\-]+");

    private GazetteerBuilder() {
    }

    /** Word to flags ({@code g}, {@code f}, {@code w}), sorted. */
    static TreeMap<String, String> build() {
        TreeMap<String, Byte> flags = new TreeMap<>();
        YAMLMapper yaml = new YAMLMapper();
        for (String file : NAME_FILES) {
            JsonNode names = faker(yaml, file).path("name");
            for (String key : List.of("first_name", "male_first_name", "female_first_name")) {
                names.path(key).forEach(n -> addName(flags, n.asText(), NameLexicon.GIVEN));
            }
            names.path("last_name").forEach(n -> addName(flags, n.asText(), NameLexicon.FAMILY));
        }
        for (RomanisedNames r : RomanisedNames.ALL) {
            r.given().forEach(n -> addName(flags, n, NameLexicon.GIVEN));
            r.family().forEach(n -> addName(flags, n, NameLexicon.FAMILY));
        }
        for (String file : WORD_FILES) {
            collectWords(faker(yaml, file), flags);
        }
        proseWords(yaml, flags).forEach(w -> addWord(flags, w));
        Vocabulary.commonWords().forEach(w -> addWord(flags, w));
        TreeMap<String, String> out = new TreeMap<>();
        flags.forEach((word, f) -> {
            StringBuilder s = new StringBuilder(3);
            if ((f & NameLexicon.GIVEN) != 0) {
                s.append('g');
            }
            if ((f & NameLexicon.FAMILY) != 0) {
                s.append('f');
            }
            if ((f & NameLexicon.WORD) != 0) {
                s.append('w');
            }
            out.put(word, s.toString());
        });
        return out;
    }

    /** The gazetteer file's bytes: gzip of {@code word<TAB>flags} lines (gzip header without a timestamp). */
    static byte[] gzipped(Map<String, String> gazetteer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(bytes), StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> e : gazetteer.entrySet()) {
                w.write(e.getKey() + "\t" + e.getValue() + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** datafaker's English common words (nouns, verbs, adjectives, adverbs, ...), lower case, sorted. */
    static List<String> englishWords() {
        TreeMap<String, Byte> words = new TreeMap<>();
        collectWords(faker(new YAMLMapper(), "en/words.yml"), words);
        return words.keySet().stream().filter(w -> w.chars().allMatch(Character::isLowerCase)).toList();
    }

    /** Keys of datafaker files whose values are names or places, not running text. */
    private static final Pattern NAME_KEYS = Pattern.compile(".*(name|city|street|prefix|suffix|author|artist|character).*");
    private static final Pattern LOWER_WORD = Pattern.compile("\\p{Ll}{2,}");

    /**
     * Words of the running text of datafaker's English files (products, jobs, places, quotes), seen in
     * two files or three times; a word that is also a given or family name only when written in lower
     * case more often than capitalised ({@code will}, {@code grace}, but not {@code henry}).
     */
    static List<String> proseWords(YAMLMapper yaml, Map<String, Byte> names) {
        Map<String, int[]> counts = new HashMap<>();
        Map<String, String> lastFile = new HashMap<>();
        for (String file : englishFiles()) {
            JsonNode root;
            try (InputStream in = GazetteerBuilder.class.getClassLoader().getResourceAsStream(file)) {
                root = yaml.readTree(in);
            } catch (IOException | RuntimeException e) {
                continue;
            }
            collectProse(root, file, counts, lastFile);
        }
        List<String> out = new ArrayList<>();
        counts.forEach((word, c) -> {
            boolean frequent = c[1] >= 2 || c[0] + c[2] >= 3;
            boolean name = names.containsKey(word) && (names.get(word) & (NameLexicon.GIVEN | NameLexicon.FAMILY)) != 0;
            if (frequent && (name ? c[0] > c[2] : true)) {
                out.add(word);
            }
        });
        Collections.sort(out);
        return out;
    }

    /** {@code counts}: lower-case uses, files, capitalised uses (other capitals, such as acronyms, are skipped). */
    private static void collectProse(JsonNode node, String file, Map<String, int[]> counts, Map<String, String> lastFile) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (!NAME_KEYS.matcher(e.getKey().toLowerCase(Locale.ROOT)).matches()) {
                    collectProse(e.getValue(), file, counts, lastFile);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectProse(child, file, counts, lastFile));
        } else if (node.isTextual()) {
            String text = node.asText();
            if (text.contains("@") || text.contains("#{") || text.contains("http") || text.contains(".com")) {
                return;
            }
            for (String raw : text.split("\\s+")) {
                String t = raw.replaceAll("^[\\p{Punct}«»¿¡…]+|[\\p{Punct}«»¿¡…]+$", "");
                String lower = t.toLowerCase(Locale.ROOT);
                if (!LOWER_WORD.matcher(lower).matches()) {
                    continue;
                }
                boolean capitalised = Character.isUpperCase(t.charAt(0)) && t.substring(1).equals(lower.substring(1));
                if (!t.equals(lower) && !capitalised) {
                    continue;
                }
                int[] c = counts.computeIfAbsent(lower, k -> new int[3]);
                c[t.equals(lower) ? 0 : 2]++;
                if (!file.equals(lastFile.put(lower, file))) {
                    c[1]++;
                }
            }
        }
    }

    /** datafaker's English resource files ({@code en/*.yml}), sorted. */
    private static List<String> englishFiles() {
        URL any = GazetteerBuilder.class.getClassLoader().getResource("en/words.yml");
        if (any == null) {
            throw new IllegalStateException("datafaker resource en/words.yml is missing: is datafaker 2.7.0 on the test class path?");
        }
        try {
            JarURLConnection connection = (JarURLConnection) any.openConnection();
            connection.setUseCaches(false);
            List<String> files = new ArrayList<>();
            try (JarFile jar = connection.getJarFile()) {
                for (JarEntry e : Collections.list(jar.entries())) {
                    if (e.getName().startsWith("en/") && e.getName().endsWith(".yml")) {
                        files.add(e.getName());
                    }
                }
            }
            Collections.sort(files);
            return files;
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("cannot list datafaker's English resources next to " + any, e);
        }
    }

    private static JsonNode faker(YAMLMapper yaml, String file) {
        try (InputStream in = GazetteerBuilder.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("datafaker resource " + file + " is missing: is datafaker 2.7.0 on the test class path?");
            }
            JsonNode root = yaml.readTree(in);
            return root.elements().next().path("faker");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read datafaker resource " + file, e);
        }
    }

    private static void collectWords(JsonNode node, TreeMap<String, Byte> flags) {
        if (node.isTextual()) {
            addWord(flags, node.asText());
        } else {
            node.forEach(child -> collectWords(child, flags));
        }
    }

    private static void addName(TreeMap<String, Byte> flags, String name, byte flag) {
        if (name.contains("#") || !LATIN_NAME.matcher(name).matches()) {
            return;
        }
        for (String part : name.split("[ .]+")) {
            String lower = part.toLowerCase(Locale.ROOT);
            if (lower.length() < 2 || NameLexicon.PARTICLES.contains(lower) || NameLexicon.TITLES.contains(lower)) {
                continue;
            }
            flags.merge(lower, flag, (a, b) -> (byte) (a | b));
        }
    }

    private static void addWord(TreeMap<String, Byte> flags, String word) {
        if (!word.contains(" ") && word.length() >= 2 && LATIN_NAME.matcher(word).matches()) {
            flags.merge(word.toLowerCase(Locale.ROOT), NameLexicon.WORD, (a, b) -> (byte) (a | b));
        }
    }
}
