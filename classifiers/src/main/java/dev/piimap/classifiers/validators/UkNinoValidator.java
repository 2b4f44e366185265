package dev.piimap.classifiers.validators;

import java.util.Set;

/**
 * {@code uk-nino}: a UK national insurance number HMRC could issue: two prefix letters, six digits and
 * a suffix A-D, spaces ignored. The first letter is not D, F, I, Q, U or V; the second is not D, F, I,
 * O, Q, U or V; the prefixes BG, GB, KN, NK, NT, TN and ZZ are never issued.
 */
public final class UkNinoValidator implements Validator {
    static final Set<String> UNISSUED_PREFIXES = Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ");

    @Override
    public String name() {
        return "uk-nino";
    }

    @Override
    public boolean isValid(CharSequence candidate) {
        String s = Checksums.compact(candidate, " ");
        if (s.length() != 9 || !Checksums.allDigits(s.substring(2, 8))) {
            return false;
        }
        char first = s.charAt(0);
        char second = s.charAt(1);
        char suffix = s.charAt(8);
        return first >= 'A' && first <= 'Z' && "DFIQUV".indexOf(first) < 0
                && second >= 'A' && second <= 'Z' && "DFIOQUV".indexOf(second) < 0
                && !UNISSUED_PREFIXES.contains(s.substring(0, 2))
                && suffix >= 'A' && suffix <= 'D';
    }
}
