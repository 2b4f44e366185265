package dev.piimap.classifiers.validators;

import com.google.re2j.Pattern;

import java.util.Locale;
import java.util.Set;

/**
 * What a value written after a label such as {@code password:} must look like to be a secret rather
 * than a placeholder. A placeholder carries no secret: empty, masked ({@code ********}, {@code ab***},
 * {@code xxxx}), a template or variable reference ({@code ${DB_PASS}}, {@code {{ secret }}},
 * {@code %(password)s}, {@code $PASSWORD}, {@code <password>}, {@code [REDACTED]},
 * {@code process.env.DB_PASS}), one repeated character, a word such as {@code null}, {@code none},
 * {@code redacted}, {@code changeme}, {@code example} or the label itself, or an instruction such as
 * {@code your_password_here}. Well-known default passwords ({@code changeme}, {@code changeit}) count
 * as placeholders: reporting every sample configuration would drown the real secrets.
 */
final class SecretValues {
    static final Set<String> PLACEHOLDERS = Set.of(
            "null", "nil", "none", "undefined", "true", "false", "yes", "no", "on", "off", "empty", "blank",
            "redacted", "hidden", "masked", "removed", "omitted", "filtered", "sensitive", "protected",
            "secret", "secrets", "password", "passwd", "pass", "pwd", "passphrase", "token", "apikey", "api_key",
            "key", "changeme", "change_me", "change-me", "changeit", "example", "sample", "test", "testing",
            "dummy", "fake", "placeholder", "todo", "tbd", "fixme", "na", "n/a", "required", "optional",
            "string", "str", "text", "value", "varchar", "guest", "anonymous", "notset", "not_set", "unset",
            "default", "your_password", "yourpassword", "mypassword", "my_password", "secretkey",
            "your_api_key", "your_token", "xxx");
    private static final String[] INSTRUCTION_PREFIXES = {"your", "my_", "my-", "insert", "enter", "replace",
            "put_", "put-", "some_", "some-", "<", "example_", "example-", "dummy_", "dummy-", "fake_", "fake-"};
    private static final String[] CODE_PREFIXES = {"process.env", "os.environ", "os.getenv", "system.getenv",
            "env.", "env[", "env:", "config.", "config[", "settings.", "secrets.", "vault:", "vault.", "import.meta.env"};

    /** Upper snake case, lower snake case, or camel case with digits only at the end. */
    private static final Pattern VARIABLE_NAME = Pattern.compile(
            "[A-Z_][A-Z0-9_]*|[a-z_][a-z0-9_]*|[A-Za-z][a-z]*(?:[A-Z][a-z]+)*[0-9]*");
    private static final Pattern FORMAT_DIRECTIVE = Pattern.compile(
            "%[a-z]|%\\([A-Za-z_][A-Za-z0-9_.]*\\)[a-z]|%\\{[^{}]*\\}|%[A-Za-z_][A-Za-z0-9_]*%");

    private SecretValues() {
    }

    /** Whether {@code value} is empty, masked, a reference, a placeholder word or an instruction. */
    static boolean isPlaceholder(String value) {
        String v = value.strip();
        if (v.isEmpty() || v.length() > 512) {
            return true;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (PLACEHOLDERS.contains(lower) || Digits.allSame(lower)) {
            return true;
        }
        char first = v.charAt(0);
        if ("{[<(".indexOf(first) >= 0 || isFormatDirective(v) || v.startsWith("#{") || v.startsWith("$(") || v.contains("${")
                || v.contains("{{") || v.contains("***") || v.contains("\u2022\u2022") || lower.contains("xxxx")
                || lower.contains("redacted") || lower.endsWith("_here") || lower.endsWith("-here")
                || isVariable(v)) {
            return true;
        }
        for (String prefix : INSTRUCTION_PREFIXES) {
            if (lower.startsWith(prefix)) {
                return true;
            }
        }
        for (String prefix : CODE_PREFIXES) {
            if (lower.startsWith(prefix)) {
                return true;
            }
        }
        boolean letterOrDigit = false;
        for (int i = 0; i < v.length() && !letterOrDigit; i++) {
            letterOrDigit = Character.isLetterOrDigit(v.charAt(i));
        }
        return !letterOrDigit;
    }

    /**
     * {@code $NAME}: a shell or template variable whose name reads like one: {@code $DB_PASSWORD},
     * {@code $db_pass}, {@code $dbPassword}, {@code $DbPassword2}. A random string after a dollar sign
     * ({@code $llIa183ZvcMEHd7}, {@code $zX__tRKzdTKo}) is a password that starts with a symbol.
     */
    private static boolean isVariable(String v) {
        if (v.length() < 2 || v.charAt(0) != '$') {
            return false;
        }
        return VARIABLE_NAME.matcher(v.substring(1)).matches();
    }

    /**
     * A printf or Python format directive or a Windows variable: {@code %s}, {@code %(password)s},
     * {@code %{pass}}, {@code %DB_PASSWORD%}. Other values starting with '%' are passwords.
     */
    private static boolean isFormatDirective(String v) {
        return v.charAt(0) == '%' && FORMAT_DIRECTIVE.matcher(v).matches();
    }

    /** How many of lower-case letters, upper-case letters, digits and other characters {@code value} holds. */
    static int characterClasses(String value) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    /** The longest run of one repeated character. */
    static int longestRun(String value) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            run = i > 0 && value.charAt(i) == value.charAt(i - 1) ? run + 1 : 1;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
