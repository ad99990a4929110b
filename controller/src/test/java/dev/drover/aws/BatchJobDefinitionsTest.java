package dev.drover.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.revision.Revision;
import dev.drover.revision.RevisionSpec;
import dev.drover.target.Capacity;
import dev.drover.target.Target;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stable names always end on the tier's stable revision; candidates live apart; a restart finds both. */
class BatchJobDefinitionsTest {
    private static final BatchTarget GPU = new BatchTarget(new Target("gpu-spot", "aws-batch", Capacity.SPOT, 1, "A10G",
            "g5.xlarge", new BigDecimal("0.45"), Map.of()), "drover-gpu-spot", List.of(), "arn:aws:iam::1:role/worker",
            "arn:aws:iam::1:role/worker-execution", 100);

    private static Revision revision(int n) {
        RevisionSpec spec = new RevisionSpec(List.of("python", "-m", "worker"), Map.of("MODE", "fast"),
                Map.of("HF_TOKEN", "arn:aws:secretsmanager:us-east-1:1:secret:hf"), 4, 16L << 30, 2L << 30, 3600, 2, 0,
                "required", false, List.of(new RevisionSpec.Tier("canary-gpu", "gpu-spot", 10, 1)));
        return new Revision(n, 1, n, n, "c".repeat(40), "1.dkr.ecr.us-east-1.amazonaws.com/w@sha256:" + "a".repeat(64), spec,
                Instant.now());
    }

    @Test
    void aRollbackRegistersTheOldRevisionAgainUnderTheStableNameAndCandidatesNeverTouchIt() {
        try (FakeBatch batch = new FakeBatch(1);
             AwsClients clients = new AwsClients(FakeBatch.REGION, Map.of(AwsClients.BATCH, batch.endpoint()), FakeAws.CREDENTIALS);
             var client = clients.batch()) {
            BatchJobDefinitions defs = new BatchJobDefinitions(client);
            String stable41 = defs.arnFor("thumbs", "canary-gpu", revision(41), true, GPU);
            String candidate42 = defs.arnFor("thumbs", "canary-gpu", revision(42), false, GPU);
            assertThat(defs.arnFor("thumbs", "canary-gpu", revision(41), true, GPU)).isEqualTo(stable41);
            assertThat(candidate42).contains("job-definition/drover-thumbs-canary-gpu-candidates:1");
            String promoted = defs.arnFor("thumbs", "canary-gpu", revision(42), true, GPU);     // 42 promoted
            String rolledBack = defs.arnFor("thumbs", "canary-gpu", revision(41), true, GPU);   // then rolled back

            assertThat(batch.definitionNames()).containsExactly("drover-thumbs-canary-gpu:1=r41",
                    "drover-thumbs-canary-gpu-candidates:1=r42", "drover-thumbs-canary-gpu:2=r42",
                    "drover-thumbs-canary-gpu:3=r41");
            assertThat(promoted).endsWith("drover-thumbs-canary-gpu:2");
            assertThat(rolledBack).endsWith("drover-thumbs-canary-gpu:3");

            var d = batch.definition(rolledBack).path("containerProperties");
            assertThat(d.path("resourceRequirements").toString()).contains("\"VCPU\"").contains("\"value\":\"4\"")
                    .contains("\"MEMORY\"").contains("\"value\":\"16384\"").contains("\"GPU\"").contains("\"value\":\"1\"");
            assertThat(d.path("linuxParameters").path("sharedMemorySize").asInt()).isEqualTo(2048);
            assertThat(d.path("secrets").get(0).path("valueFrom").asText()).startsWith("arn:aws:secretsmanager");
            assertThat(d.path("jobRoleArn").asText()).isEqualTo("arn:aws:iam::1:role/worker");
            assertThat(d.path("executionRoleArn").asText()).isEqualTo("arn:aws:iam::1:role/worker-execution");
            assertThat(batch.definition(rolledBack).path("timeout").path("attemptDurationSeconds").asInt()).isEqualTo(3600);

            BatchJobDefinitions restarted = new BatchJobDefinitions(client);
            assertThat(restarted.arnFor("thumbs", "canary-gpu", revision(41), true, GPU)).isEqualTo(rolledBack);
            assertThat(restarted.arnFor("thumbs", "canary-gpu", revision(42), false, GPU)).isEqualTo(candidate42);
            assertThat(batch.definitionNames()).hasSize(4);
        }
    }

    @Test
    void onlyTheNewestCandidateDefinitionsAndLiveOnesAreKept() {
        try (FakeBatch batch = new FakeBatch(1);
             AwsClients clients = new AwsClients(FakeBatch.REGION, Map.of(AwsClients.BATCH, batch.endpoint()), FakeAws.CREDENTIALS);
             var client = clients.batch()) {
            BatchJobDefinitions defs = new BatchJobDefinitions(client);
            for (int n = 1; n <= 8; n++) {
                defs.arnFor("thumbs", "canary-gpu", revision(n), false, GPU);
            }
            assertThat(defs.pruneCandidates("thumbs", "canary-gpu", java.util.Set.of(2), 5)).isEqualTo(2); // 1 and 3 go
            assertThat(batch.inactive()).containsExactlyInAnyOrder("drover-thumbs-canary-gpu-candidates:1=r1",
                    "drover-thumbs-canary-gpu-candidates:3=r3");
            assertThat(new BatchJobDefinitions(client).arnFor("thumbs", "canary-gpu", revision(1), false, GPU))
                    .as("asked for again (a pinned job): registered again").endsWith("-candidates:9");
        }
    }
}
