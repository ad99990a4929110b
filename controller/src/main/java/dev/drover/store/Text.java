package dev.drover.store;

/** Text that must fit (a column, a problem's detail, a log line) is cut, and says so, rather than refused. */
public final class Text {
    private Text() {
    }

    public static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
