package dev.piimap.classifiers;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.piimap.classifiers.detect.Detector;
import dev.piimap.classifiers.detect.Evidence;
import dev.piimap.classifiers.detect.Finding;

import java.util.ArrayList;
import java.util.List;

/** The detectors shipped with the library. (Bootstrap set; replaced by the declarative engine.) */
final class BuiltInDetectors {
    private BuiltInDetectors() {
    }

    static List<Detector> load() {
        return List.of(new SimpleRegexDetector("email", EntityType.EMAIL_ADDRESS,
                Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"), 0.95));
    }

    private record SimpleRegexDetector(String id, EntityType type, Pattern pattern, double score) implements Detector {
        @Override
        public List<Finding> detect(CharSequence text) {
            List<Finding> out = new ArrayList<>();
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                out.add(new Finding(type, m.start(), m.end(), score, id, new Evidence(id, null, List.of(), score, score)));
            }
            return out;
        }
    }
}
