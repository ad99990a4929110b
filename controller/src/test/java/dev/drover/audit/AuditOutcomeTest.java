package dev.drover.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditOutcomeTest {

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({
        "200, OK", "201, OK", "204, OK",
        "401, REFUSED", "403, REFUSED", "423, REFUSED",
        "400, REJECTED", "404, REJECTED", "409, REJECTED", "413, REJECTED",
        "500, FAILED", "503, FAILED",
    })
    void statusMapsToOutcome(int status, AuditOutcome outcome) {
        assertThat(AuditOutcome.ofHttpStatus(status)).isEqualTo(outcome);
    }
}
