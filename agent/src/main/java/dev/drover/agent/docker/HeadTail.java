package dev.drover.agent.docker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A container's output kept within a byte limit: the first half of the limit and the last half, with a line
 * saying how much was left out between them.
 */
final class HeadTail {
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final int headLimit;
    private final byte[] tail;
    private int tailStart;
    private int tailLength;
    private long total;

    HeadTail(int limit) {
        this.headLimit = limit / 2;
        this.tail = new byte[limit - headLimit];
    }

    synchronized void add(byte[] bytes) {
        total += bytes.length;
        int offset = 0;
        if (head.size() < headLimit) {
            offset = Math.min(bytes.length, headLimit - head.size());
            head.write(bytes, 0, offset);
        }
        offset = Math.max(offset, bytes.length - tail.length); // earlier bytes would be pushed out of the tail anyway
        for (int i = offset; i < bytes.length && tail.length > 0; i++) {
            tail[(tailStart + tailLength) % tail.length] = bytes[i];
            if (tailLength < tail.length) {
                tailLength++;
            } else {
                tailStart = (tailStart + 1) % tail.length;
            }
        }
    }

    synchronized String text() {
        byte[] last = new byte[tailLength];
        for (int i = 0; i < tailLength; i++) {
            last[i] = tail[(tailStart + i) % tail.length];
        }
        long omitted = total - head.size() - tailLength;
        String middle = omitted > 0 ? "\n[drover: " + omitted + " bytes of output left out]\n" : "";
        return head.toString(StandardCharsets.UTF_8) + middle + new String(last, StandardCharsets.UTF_8);
    }
}
