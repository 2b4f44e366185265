package dev.piimap.reports.html;

/** HTML text escaping: every piece of data map text goes through {@link #escape} before it is written. */
final class Html {
    private Html() {
    }

    /**
     * Escapes {@code & < > " '} so text is safe in element content and quoted attributes; control
     * characters other than tab and line breaks become U+FFFD. Null becomes the empty string.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(isForbiddenControl(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    private static boolean isForbiddenControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
    }
}
