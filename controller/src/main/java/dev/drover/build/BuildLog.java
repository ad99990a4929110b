package dev.drover.build;

/**
 * The text of a build or test log as it grows: the first part and the last part are kept when it
 * outgrows its limit, with a line saying how much was left out.
 */
public final class BuildLog {
    private final int limit;
    private final StringBuilder head = new StringBuilder();
    private final StringBuilder tail = new StringBuilder();
    private long dropped;

    public BuildLog(int limit) {
        this.limit = limit;
    }

    public synchronized void append(String text) {
        if (head.length() < limit / 4) {
            int room = limit / 4 - head.length();
            head.append(text, 0, Math.min(room, text.length()));
            text = text.substring(Math.min(room, text.length()));
        }
        tail.append(text);
        int over = tail.length() - (limit - limit / 4);
        if (over > 0) {
            tail.delete(0, over);
            dropped += over;
        }
    }

    public synchronized String text() {
        return dropped == 0 ? head.toString() + tail
                : head + "\n[... " + dropped + " characters left out ...]\n" + tail;
    }

    /** The last {@code lines} lines, for a failure message. */
    public synchronized String lastLines(int lines) {
        String all = text();
        int at = all.length();
        for (int i = 0; i <= lines && at > 0; i++) {
            at = all.lastIndexOf('\n', at - 1);
        }
        return all.substring(Math.max(0, at + 1)).stripTrailing();
    }
}
