package dev.drover.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.agent.protocol.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AWS Batch's status reasons, as Batch writes them, mapped to Drover's failure classes. */
class BatchOutcomesTest {

    @ParameterizedTest(name = "{0} / {1} / {2} / exit {3} / spot {4} -> {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            SUCCEEDED | Essential container in task exited                       | -                                   | 0 | true  | SUCCEEDED
            FAILED    | Essential container in task exited                       | -                                   | 1 | false | CODE
            FAILED    | Host EC2 (instance i-0abc123def4567890) terminated.       | -                                   | - | true  | SPOT_INTERRUPTION
            FAILED    | Host EC2 (instance i-0abc123def4567890) terminated.       | -                                   | - | false | INFRA
            FAILED    | Job attempt duration exceeded timeout                    | -                                   | - | false | TIMEOUT
            FAILED    | Essential container in task exited                       | OutOfMemoryError: Container killed due to memory usage | 137 | false | OOM
            FAILED    | Terminated by Drover: cancelled by a person              | -                                   | - | true  | CANCELLED
            FAILED    | CannotPullContainerError: pull image manifest has been retried 1 time(s) | -   | - | false | INFRA
            FAILED    | Task failed to start                                     | ResourceInitializationError: unable to pull secrets | - | false | INFRA
            FAILED    | -                                                        | -                                   | - | false | INFRA
            """)
    void statusReasonsBecomeFailureClasses(String status, String reason, String container, Integer exit, boolean spot,
                                           Outcome expected) {
        assertThat(BatchOutcomes.of(status, reason, container, exit, spot)).isEqualTo(expected);
    }
}
