package dev.drover.store.jooq;

/** Text that must fit a column is cut, and says so, rather than refused. */
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
