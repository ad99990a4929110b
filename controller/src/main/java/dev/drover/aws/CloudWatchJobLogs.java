package dev.drover.aws;

import dev.drover.job.LogSource;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Job logs from CloudWatch Logs, where AWS Batch sends a container's output: one log group (AWS Batch's
 * {@code /aws/batch/job} unless configured), one stream per job attempt. Reads from the head, page by
 * page, until the forward token comes back unchanged (how the API says there is no more) or the byte
 * limit is reached.
 */
public final class CloudWatchJobLogs implements LogSource, AutoCloseable {
    public static final String DEFAULT_LOG_GROUP = "/aws/batch/job";

    private final CloudWatchLogsClient logs;
    private final String logGroup;

    /** @param logs closed with this source */
    public CloudWatchJobLogs(CloudWatchLogsClient logs, String logGroup) {
        if (logGroup == null || logGroup.isBlank()) {
            throw new IllegalArgumentException("drover.aws.log-group must name the CloudWatch log group AWS Batch "
                    + "jobs log to, e.g. " + DEFAULT_LOG_GROUP);
        }
        this.logs = logs;
        this.logGroup = logGroup.trim();
    }

    /** Logs on the configured CloudWatch Logs endpoint. */
    public static CloudWatchJobLogs of(AwsClients clients, String logGroup) {
        return new CloudWatchJobLogs(clients.logs(), logGroup);
    }

    @Override
    public String read(String logStreamName, int maxBytes) {
        Objects.requireNonNull(logStreamName, "logStreamName");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be more than 0, was " + maxBytes);
        }
        Text text = new Text(maxBytes);
        String sent = null;
        try {
            while (true) {
                String token = sent;
                GetLogEventsResponse page = logs.getLogEvents(b -> b.logGroupName(logGroup)
                        .logStreamName(logStreamName).startFromHead(true).nextToken(token));
                for (OutputLogEvent event : page.events()) {
                    if (!text.add(event.message())) {
                        return text.truncated();
                    }
                }
                String next = page.nextForwardToken();
                if (next == null || next.equals(sent)) {
                    return text.whole();
                }
                sent = next;
            }
        } catch (ResourceNotFoundException e) {
            return "no CloudWatch log stream " + logStreamName + " in group " + logGroup
                    + " yet: the job may not have started";
        } catch (SdkException e) {
            throw new LogSource.Unreadable("could not read CloudWatch log stream " + logStreamName + " in group "
                    + logGroup + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        logs.close();
    }

    /** Messages joined by newlines, up to a number of UTF-8 bytes. */
    private static final class Text {
        private final int maxBytes;
        private final StringBuilder out = new StringBuilder();
        private int bytes;

        Text(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        /** Adds a message on a line of its own; false when it did not all fit (what fits is kept). */
        boolean add(String message) {
            String line = (out.isEmpty() ? "" : "\n") + (message == null ? "" : message);
            int size = line.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size <= maxBytes) {
                out.append(line);
                bytes += size;
                return true;
            }
            int room = maxBytes - bytes;
            int end = 0;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int cpBytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (cpBytes > room) {
                    break;
                }
                room -= cpBytes;
                i += Character.charCount(cp);
                end = i;
            }
            out.append(line, 0, end);
            return false;
        }

        String whole() {
            return out.toString();
        }

        String truncated() {
            return out + "\n... (truncated at " + maxBytes + " bytes)";
        }
    }
}
