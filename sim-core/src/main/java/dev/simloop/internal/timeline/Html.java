package dev.simloop.internal.timeline;


/** Text for HTML pages: escaping, and fitting a label into a width of pixels. */
final class Html {
    private Html() {}

    /** {@code text} with {@code & < > " '} escaped, safe in element content and quoted attributes. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** An estimate of the width of {@code text} in pixels, at {@code perChar} pixels a character. */
    static int textWidth(String text, int perChar) {
        return text.length() * perChar;
    }

    /** {@code text}, cut and ended with an ellipsis when it is wider than {@code width} pixels; empty if none fits. */
    static String clip(String text, int width, int perChar) {
        int fits = width / perChar;
        if (text.length() <= fits) {
            return text;
        }
        return fits < 2 ? "" : text.substring(0, fits - 1) + "\u2026";
    }
}
