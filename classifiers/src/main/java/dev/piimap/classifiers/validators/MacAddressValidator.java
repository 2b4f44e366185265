package dev.piimap.classifiers.validators;

/**
 * {@code mac-address}: six hex octets written {@code 00:1A:2B:3C:4D:5E} or {@code 00-1A-2B-3C-4D-5E}
 * with one kind of separator, or Cisco style {@code 001a.2b3c.4d5e}. The all-zero and all-ones
 * (broadcast) addresses and addresses of one repeated digit name no device and fail; so does a dotted
 * form without any hex letter, which is far more often a product or version code ({@code 1234.5678.9012}).
 */
public final class MacAddressValidator implements Validator {
    @Override
    public String name() {
        return "mac-address";
    }

    @Override
    public boolean isValid(CharSequence candidate) {
        String s = candidate.toString();
        String hex;
        if (s.length() == 17) {
            char separator = s.charAt(2);
            if (separator != ':' && separator != '-') {
                return false;
            }
            for (int i = 2; i < 17; i += 3) {
                if (s.charAt(i) != separator) {
                    return false;
                }
            }
            hex = s.replace(String.valueOf(separator), "");
        } else if (s.length() == 14 && s.charAt(4) == '.' && s.charAt(9) == '.') {
            hex = s.replace(".", "");
            if (hex.chars().noneMatch(Character::isLetter)) {
                return false;
            }
        } else {
            return false;
        }
        if (hex.length() != 12) {
            return false;
        }
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                return false;
            }
        }
        return !Digits.allSame(hex.toLowerCase(java.util.Locale.ROOT));
    }
}
