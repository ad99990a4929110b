package dev.drover.api;

import dev.drover.agent.protocol.Registration;
import dev.drover.agent.protocol.AttemptResult;
import dev.drover.agent.protocol.Heartbeat;
import dev.drover.agent.protocol.HeartbeatAnswer;
import dev.drover.agent.protocol.Registered;
import dev.drover.agent.protocol.ResultAck;
import dev.drover.agent.protocol.Work;
import dev.drover.agent.protocol.WorkRequest;
import dev.drover.fleet.Agent;
import dev.drover.fleet.AgentStore;
import dev.drover.fleet.Fleet;
import dev.drover.job.Attempt;
import dev.drover.job.Dispatcher;
import dev.drover.job.JobStore;
import dev.drover.job.ResultIngest;
import dev.drover.job.WorkSignal;
import dev.drover.server.AgentsConfig;
import dev.drover.target.Target;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The agent protocol (dev.drover.agent.protocol): agent tokens only; an agent is known by its token's name. */
@Controller("/api/v1/agents")
@Secured(Roles.AGENT)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "agent protocol")
public class AgentController {
    private final Fleet fleet;
    private final AgentStore agents;
    private final Dispatcher dispatcher;
    private final ResultIngest ingest;
    private final JobStore jobs;
    private final WorkSignal signal;
    private final AgentsConfig config;

    public AgentController(Fleet fleet, AgentStore agents, Dispatcher dispatcher, ResultIngest ingest, JobStore jobs,
                           WorkSignal signal, AgentsConfig config) {
        this.fleet = fleet;
        this.agents = agents;
        this.dispatcher = dispatcher;
        this.ingest = ingest;
        this.jobs = jobs;
        this.signal = signal;
        this.config = config;
    }

    @Post("/register")
    @Operation(summary = "Register (or re-register) the agent of this token")
    public Registered register(@Body Registration r, Authentication caller) {
        AgentInput.check(r);
        List<String> gpus = r.gpus() == null ? List.of() : r.gpus().stream().map(g -> g.model()).toList();
        int cpus = r.host() == null ? 1 : r.host().cpus();
        long memory = r.host() == null ? 1 : r.host().memoryBytes();
        if (r.labels() != null && r.labels().keySet().stream().anyMatch(k -> k.startsWith("drover."))) {
            throw new IllegalArgumentException("labels starting with 'drover.' are reserved for the controller: "
                    + "rename them on the agent (--labels)");
        }
        Map<String, String> labels = new HashMap<>(r.labels() == null ? Map.of() : r.labels());
        Object bound = caller.getAttributes().get(BearerTokenAuthentication.TARGET_ATTRIBUTE);
        if (bound != null) {
            labels.put(Target.BOUND_LABEL, bound.toString()); // after the check: an agent cannot name it itself
        }
        Agent agent = fleet.register(caller.getName(), labels, gpus, r.slots(), cpus, memory, r.version());
        return new Registered(agent.displayId(), (int) config.lease().toSeconds(), (int) config.heartbeat().toSeconds(),
                (int) config.poll().toSeconds());
    }

    @Post("/heartbeat")
    @Operation(summary = "Renew the lease; learn whether to drain and which attempts to cancel")
    public HeartbeatAnswer heartbeat(@Body Heartbeat beat, Authentication caller) {
        AgentInput.check(beat);
        Agent agent = agent(caller);
        fleet.renew(agent);
        if (beat.unreported() != null) {
            ingest.reconcile(agent, beat.running() == null ? List.of() : Set.copyOf(beat.running()),
                    Set.copyOf(beat.unreported()), config.lease());
        }
        List<Long> cancel = jobs.cancelRequested(agent.id()).stream().map(Attempt::id).toList();
        return new HeartbeatAnswer(agent.draining(), cancel);
    }

    @Post("/work")
    @Operation(summary = "Long poll for work: answers at once when there is some, else within pollSeconds")
    public Work work(@Body WorkRequest request, Authentication caller) throws InterruptedException {
        AgentInput.check(request);
        long deadline = System.nanoTime() + config.poll().toNanos();
        while (true) {
            Agent agent = agent(caller);
            var assignments = dispatcher.assign(agent, request.freeSlots());
            long left = deadline - System.nanoTime();
            if (!assignments.isEmpty() || left <= 0) {
                return new Work(assignments);
            }
            signal.await(Duration.ofNanos(Math.min(left, Duration.ofSeconds(2).toNanos())));
        }
    }

    @Post("/results")
    @Operation(summary = "Report an attempt's result; each is taken once")
    public ResultAck result(@Body AttemptResult result, Authentication caller) {
        AgentInput.check(result);
        ResultIngest.Disposition disposition = ingest.ingest(agent(caller), result);
        return switch (disposition) {
            case UNKNOWN -> throw new ApiProblem(HttpStatus.NOT_FOUND, "Unknown attempt",
                    "no attempt " + result.attemptId() + " exists");
            case NOT_YOURS -> throw new ApiProblem(HttpStatus.CONFLICT, "Not your attempt",
                    "attempt " + result.attemptId() + " was not given to this agent");
            default -> new ResultAck(result.attemptId(), disposition.name().toLowerCase(java.util.Locale.ROOT));
        };
    }

    private Agent agent(Authentication caller) {
        return agents.byName(caller.getName()).orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "Not registered",
                "agent '" + caller.getName() + "' has not registered: POST /api/v1/agents/register first"));
    }
}
