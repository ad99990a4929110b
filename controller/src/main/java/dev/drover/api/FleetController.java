package dev.drover.api;

import dev.drover.fleet.Agent;
import dev.drover.fleet.AgentStore;
import dev.drover.job.JobStore;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Agents as people see them: {@code drover agents}, {@code drover agent drain ID}. */
@Controller("/api/v1/agents")
@Secured(Roles.VIEWER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "agents")
public class FleetController {
    private final AgentStore agents;
    private final JobStore jobs;
    private final Clock clock;

    public FleetController(AgentStore agents, JobStore jobs, Clock clock) {
        this.agents = agents;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** An agent: its labels, GPUs, slots, health (its lease) and what it runs now. */
    public record AgentView(String id, String name, Map<String, String> labels, List<String> gpus, int slots, int cpus,
                            long memoryBytes, int running, boolean draining, String health, Instant lastSeenAt,
                            Instant leaseExpiresAt, List<String> runningJobs) {
    }

    @Get
    @Operation(summary = "Agents, with their labels, GPUs, slots, health and current work")
    public List<AgentView> list() {
        Instant now = clock.instant();
        return agents.list().stream().map(a -> view(a, now)).toList();
    }

    @Post("/{id}/drain")
    @Secured(Roles.ADMIN)
    @Audited("agent.drain")
    @Operation(summary = "Stop new work going to an agent; what runs finishes")
    public AgentView drain(HttpRequest<?> request, String id) {
        Agent agent = find(id);
        AuditNote.target(request, "agent/" + agent.displayId());
        agents.drain(agent.id(), true);
        return view(find(id), clock.instant());
    }

    private Agent find(String id) {
        long number;
        try {
            number = Long.parseLong(id.startsWith("a") ? id.substring(1) : id);
        } catch (NumberFormatException e) {
            throw ApiProblem.notFound("agent", id);
        }
        return agents.byId(number).orElseThrow(() -> ApiProblem.notFound("agent", id));
    }

    private AgentView view(Agent a, Instant now) {
        var running = jobs.running(a.id());
        String health = a.leaseExpiresAt().isAfter(now) ? "ok" : "lost (no heartbeat since " + a.lastSeenAt() + ")";
        return new AgentView(a.displayId(), a.name(), a.labels(), a.gpuModels(), a.slots(), a.cpus(), a.memoryBytes(),
                running.size(), a.draining(), health, a.lastSeenAt(), a.leaseExpiresAt(),
                running.stream().map(r -> r.jobId()).toList());
    }
}
