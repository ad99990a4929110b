package dev.drover.commit;

import dev.drover.service.Service;
import java.util.Optional;

/** Decides whether a commit may go on: its {@code drover.yaml} must exist and be valid. */
public interface CommitCheck {

    /** What is wrong with the commit's {@code drover.yaml} (text, or empty when it has none); empty when valid. */
    Optional<String> problems(Service service, Optional<String> droverYaml);
}
