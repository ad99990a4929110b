package dev.drover.commit;

import dev.drover.service.Service;
import dev.drover.spec.InvalidSpecException;
import dev.drover.spec.KnownTarget;
import dev.drover.spec.ServiceSpec;
import dev.drover.spec.yaml.DroverYaml;
import dev.drover.target.Target;
import java.util.List;
import java.util.Optional;

/**
 * A commit is valid when its {@code drover.yaml} parses strictly, names the service it belongs to,
 * and (when the controller declares targets) routes only to targets the controller knows.
 */
public final class DroverYamlCheck implements CommitCheck {
    private final List<KnownTarget> targets;

    public DroverYamlCheck(List<Target> targets) {
        this.targets = targets.stream().map(t -> new KnownTarget(t.name(), t.gpus())).toList();
    }

    @Override
    public Optional<String> problems(Service service, Optional<String> droverYaml) {
        if (droverYaml.isEmpty()) {
            return Optional.of(DroverYaml.FILE_NAME + ": missing: every commit needs a drover.yaml at the repository root");
        }
        ServiceSpec spec;
        try {
            spec = DroverYaml.parse(DroverYaml.FILE_NAME, droverYaml.get(), targets.isEmpty() ? null : targets);
        } catch (InvalidSpecException e) {
            return Optional.of(e.getMessage());
        }
        if (!spec.service().equals(service.name())) {
            return Optional.of(DroverYaml.FILE_NAME + ": 'service: " + spec.service()
                    + "' does not match the service this repository is registered as ('" + service.name() + "')");
        }
        return Optional.empty();
    }
}
