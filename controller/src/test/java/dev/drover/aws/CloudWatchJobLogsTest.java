package dev.drover.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.job.LogSource;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A job's log read from CloudWatch Logs from the head, page by page until the token repeats, within a byte limit. */
class CloudWatchJobLogsTest {
    private static final String STREAM = "thumbnailer/default/4f9c2a";
    private static final String TARGET = "Logs_20140328.GetLogEvents";

    private final FakeAws cloudWatch = new FakeAws();
    private final AwsClients clients = new AwsClients("us-east-1", Map.of(AwsClients.LOGS, cloudWatch.endpoint()),
            FakeAws.CREDENTIALS);
    private final CloudWatchJobLogs logs = CloudWatchJobLogs.of(clients, CloudWatchJobLogs.DEFAULT_LOG_GROUP);

    @AfterEach
    void close() {
        logs.close();
        clients.close();
        cloudWatch.close();
    }

    @Test
    void pagesAreFollowedUntilTheForwardTokenComesBackUnchanged() {
        cloudWatch.handler(r -> !TARGET.equals(r.target())
                ? FakeAws.Reply.error(400, "application/x-amz-json-1.1", "UnknownOperationException", r.target())
                : r.body().contains("\"nextToken\":\"f/1\"") ? page("f/2")
                : r.body().contains("\"nextToken\":\"f/2\"") ? page("f/3", "resizing 3 images", "done")
                : r.body().contains("\"nextToken\":\"f/3\"") ? page("f/3")
                : page("f/1", "starting", "loaded model"));

        assertThat(logs.read(STREAM, 1 << 20)).isEqualTo("starting\nloaded model\nresizing 3 images\ndone");

        assertThat(cloudWatch.requests()).hasSize(4).allSatisfy(r -> {
            assertThat(r.target()).isEqualTo(TARGET);
            assertThat(r.body()).contains("\"logGroupName\":\"/aws/batch/job\"",
                    "\"logStreamName\":\"" + STREAM + "\"", "\"startFromHead\":true");
        });
        assertThat(cloudWatch.requests().get(0).body()).doesNotContain("nextToken");
        assertThat(cloudWatch.requests().stream().skip(1).map(r -> r.body().replaceAll(".*\"nextToken\":\"([^\"]+)\".*", "$1")))
                .containsExactly("f/1", "f/2", "f/3");
        assertThat(cloudWatch.unsigned()).isEmpty();
    }

    @Test
    void aLongLogStopsAtTheByteLimitWithANoteAndReadsNoFurther() {
        cloudWatch.handler(r -> r.body().contains("nextToken") ? page("f/2", "never read") : page("f/1", "hello", "world", "again"));

        assertThat(logs.read(STREAM, 10)).isEqualTo("hello\nworl\n... (truncated at 10 bytes)");
        assertThat(logs.read(STREAM, 11)).isEqualTo("hello\nworld\n... (truncated at 11 bytes)");
        assertThat(cloudWatch.requests()).hasSize(2);
    }

    @Test
    void theLimitCountsUtf8BytesAndNeverSplitsACharacter() {
        cloudWatch.handler(r -> page("f/1", "h\u00e9llo"));

        assertThat(logs.read(STREAM, 2)).isEqualTo("h\n... (truncated at 2 bytes)");
        assertThat(logs.read(STREAM, 3)).isEqualTo("h\u00e9\n... (truncated at 3 bytes)");
    }

    @Test
    void aStreamNotThereYetReadsAsANoteSayingSo() {
        cloudWatch.handler(r -> FakeAws.Reply.error(400, "application/x-amz-json-1.1", "ResourceNotFoundException",
                "The specified log stream does not exist."));
        try (CloudWatchJobLogs other = new CloudWatchJobLogs(clients.logs(), "/drover/jobs")) {
            assertThat(other.read(STREAM, 1000)).isEqualTo("no CloudWatch log stream " + STREAM
                    + " in group /drover/jobs yet: the job may not have started");
        }
        assertThat(cloudWatch.requests()).hasSize(1);
        assertThat(cloudWatch.requests().get(0).body()).contains("\"logGroupName\":\"/drover/jobs\"");
        assertThat(cloudWatch.unsigned()).isEmpty();
    }

    @Test
    void otherFailuresNameTheStreamAndTheCause() {
        cloudWatch.handler(r -> FakeAws.Reply.error(400, "application/x-amz-json-1.1", "AccessDeniedException",
                "User is not authorized to perform logs:GetLogEvents"));

        assertThatThrownBy(() -> logs.read(STREAM, 1000)).isInstanceOf(LogSource.Unreadable.class)
                .hasMessageContaining(STREAM).hasMessageContaining("/aws/batch/job")
                .hasMessageContaining("not authorized to perform logs:GetLogEvents");
    }

    @Test
    void badArgumentsSayWhatToFix() {
        assertThatThrownBy(() -> logs.read(STREAM, 0)).hasMessageContaining("maxBytes must be more than 0");
        try (var client = clients.logs()) {
            assertThatThrownBy(() -> new CloudWatchJobLogs(client, " ")).hasMessageContaining("drover.aws.log-group");
        }
        assertThat(cloudWatch.requests()).isEmpty();
    }

    private static FakeAws.Reply page(String nextForwardToken, String... messages) {
        String events = Arrays.stream(messages).map(m -> "{\"timestamp\":1740830400000,\"message\":\"" + m
                + "\",\"ingestionTime\":1740830400100}").collect(Collectors.joining(","));
        return FakeAws.Reply.amzJson("{\"events\":[" + events + "],\"nextForwardToken\":\"" + nextForwardToken
                + "\",\"nextBackwardToken\":\"b/0\"}");
    }
}
