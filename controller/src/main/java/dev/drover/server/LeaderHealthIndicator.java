package dev.drover.server;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * {@code /health} says which controller leads: {@code leaderId} (this one), {@code leads}, and {@code leader}
 * (who leads now, or none). Always UP: a follower serves the API as well as the leader.
 */
@Singleton
public class LeaderHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final Leadership leadership;

    public LeaderHealthIndicator(Leadership leadership, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.leadership = leadership;
        setExecutorService(executor);
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        healthStatus = HealthStatus.UP;
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("leaderId", leadership.leaderId());
        info.put("leads", leadership.leads());
        String leader;
        try {
            leader = leadership.leader().orElse("none");
        } catch (RuntimeException e) {
            leader = "unknown: the database is unavailable";
        }
        info.put("leader", leader);
        return info;
    }

    @Override
    protected String getName() {
        return "leader";
    }
}
