package dev.drover.api;

/** Text that goes out (a problem's detail, a log line) is cut to a sane length, and says so. */
final class Text {
    private Text() {
    }

    static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
