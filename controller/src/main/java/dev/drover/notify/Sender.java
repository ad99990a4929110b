package dev.drover.notify;

import java.time.Duration;
import java.util.Map;

/** Posts a JSON body; never throws for what the receiver does (a refusal, an error, silence). */
public interface Sender {

    /** The receiver's answer: its HTTP status, or null with an error when it gave none. */
    record Answer(Integer statusCode, String error) {
        public boolean ok() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    Answer post(String url, String body, Map<String, String> headers, Duration timeout);
}
