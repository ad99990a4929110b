package dev.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The demo's story, told on the terminal as it happens: the worker's first commit bootstraps onto every
 * tier; a good second commit is canaried on the two canary tiers and promoted through c1, c2 and c3; a
 * bad third commit is canaried and rolled back automatically, leaving the service locked. Each step
 * makes its commit (unless an earlier run did), waits for the commit queue to build and test it, and
 * follows its rollout's events until it ends. Everything it learns comes from the API, as it would for
 * anyone.
 */
final class DemoStory {
    static final String SERVICE = "demo";
    private static final Set<String> ENDED = Set.of("succeeded", "rolled-back", "aborted", "superseded");
    private static final PersonIdent ADA = new PersonIdent("Ada Lovelace", "ada@drover.invalid");
    private static final PersonIdent BOB = new PersonIdent("Bob Hacker", "bob@drover.invalid");

    private final ApiClient api;
    private final PrintWriter out;
    private final DemoRepo repo;
    private final Duration stepTimeout;
    private final Duration poll;
    private long eventCursor;

    DemoStory(ApiClient api, PrintWriter out, DemoRepo repo, Duration stepTimeout, Duration poll) {
        this.api = api;
        this.out = out;
        this.repo = repo;
        this.stepTimeout = stepTimeout;
        this.poll = poll;
    }

    /** Tells the whole story; throws {@link CliFailure} when a step does not end as it should. */
    void tell() {
        List<RevCommit> commits = repo.commits();
        RevCommit first = commits.get(0);
        step(1, first, "the worker's first commit: built, tested, and bootstrapped onto every tier",
                "(a first revision has no baseline: each stage judges it on absolute limits)");
        expect(follow(revisionOf(first)), "succeeded");

        RevCommit good = commits.size() > 1 ? commits.get(1)
                : repo.change("version=1 ", "version=2 ", "Worker v2: print the worker's version in every job log", ADA);
        step(2, good, "a good change: canaried on canary-gpu and canary-spot beside revision 1, then c1, c2, c3",
                "(both arms run on each canary tier; replays of recent jobs fill the stage)");
        expect(follow(revisionOf(good)), "succeeded");

        RevCommit bad = commits.size() > 2 ? commits.get(2)
                : repo.change("bug_rate=0 ", "bug_rate=0.8 ", "Worker v3: size buffers from the job's memory", BOB);
        step(3, bad, "a bad change: jobs holding more than 4 MiB now crash 4 times in 5, and its self-test misses it",
                "(the judge compares it with the stable revision on each canary tier; c1-c3 never run it)");
        expect(follow(revisionOf(bad)), "rolled-back");
        JsonNode lock = api.get("api/v1/services/" + SERVICE + "/lock");
        out.println("    " + RolloutText.lock(lock));
        out.flush();
    }

    private void step(int number, RevCommit commit, String what, String note) {
        out.println();
        out.printf("==> demo %d/3: %s%n", number, what);
        out.printf("    %s%n", note);
        out.printf("    commit %s \"%s\" by %s%n", commit.getName().substring(0, 7), commit.getShortMessage(),
                commit.getAuthorIdent().getName());
        out.flush();
    }

    private static void expect(JsonNode rollout, String state) {
        if (!state.equals(rollout.path("state").asText())) {
            throw new CliFailure(ExitCodes.FAILURE, "the demo expected rollout #" + rollout.path("id").asLong() + " to end "
                    + state + ", but it ended " + rollout.path("state").asText() + ": " + rollout.path("note").asText()
                    + " (see ./drover status demo --verbose)");
        }
    }

    /** Waits for the commit queue to build and test the commit; its revision number. */
    private int revisionOf(RevCommit commit) {
        String sha = commit.getName();
        long deadline = System.nanoTime() + stepTimeout.toNanos();
        String last = null;
        out.print("    commit queue: ");
        out.flush();
        while (System.nanoTime() < deadline) {
            JsonNode found = find(api.get("api/v1/services/" + SERVICE + "/commits?limit=20"), "sha", sha);
            String status = found == null ? "not seen yet" : found.path("status").asText();
            if (!status.equals(last)) {
                out.print((last == null ? "" : " -> ") + status);
                out.flush();
                last = status;
            }
            if (status.equals("failed") || status.equals("invalid")) {
                out.println();
                throw new CliFailure(ExitCodes.FAILURE, "demo commit " + sha.substring(0, 7) + " is " + status + ": "
                        + found.path("statusDetail").asText() + " (./drover commits demo)");
            }
            if (status.equals("green")) {
                JsonNode revision = find(api.get("api/v1/services/" + SERVICE + "/revisions?limit=20"), "commit", sha);
                if (revision != null) {
                    out.println(": revision " + revision.path("number").asInt());
                    out.flush();
                    return revision.path("number").asInt();
                }
            }
            Polling.pause(poll);
        }
        out.println();
        throw new CliFailure(ExitCodes.FAILURE, "demo commit " + sha.substring(0, 7) + " is still " + last + " after "
                + stepTimeout.toSeconds() + "s (./drover commits demo; .drover/logs/controller.log)");
    }

    /** Prints the rollout of {@code revision}'s events as they happen, until it ends; the ended rollout. */
    private JsonNode follow(int revision) {
        long deadline = System.nanoTime() + stepTimeout.toNanos();
        JsonNode rollout = null;
        while (System.nanoTime() < deadline) {
            if (rollout == null) {
                rollout = find(api.get("api/v1/services/" + SERVICE + "/rollouts?limit=10"), "revision", revision);
            } else {
                rollout = api.get("api/v1/services/" + SERVICE + "/rollouts/" + rollout.path("id").asLong()).path("rollout");
            }
            if (rollout != null) {
                printEvents(rollout.path("id").asLong());
                if (ENDED.contains(rollout.path("state").asText())) {
                    out.println("    " + RolloutText.line(rollout));
                    out.flush();
                    return rollout;
                }
            }
            Polling.pause(poll);
        }
        throw new CliFailure(ExitCodes.FAILURE, "the demo's rollout of revision " + revision + " did not end within "
                + stepTimeout.toSeconds() + "s" + (rollout == null ? "" : ": " + RolloutText.line(rollout))
                + " (./drover status demo --verbose)");
    }

    private void printEvents(long rolloutId) {
        JsonNode events = api.get("api/v1/services/" + SERVICE + "/events?after=" + eventCursor + "&limit=200");
        for (JsonNode e : events) {
            eventCursor = Math.max(eventCursor, e.path("id").asLong());
            String kind = e.path("kind").asText();
            boolean ours = e.path("rolloutId").isNull() || e.path("rolloutId").asLong() == rolloutId;
            if (ours && !kind.equals("requested") && !kind.startsWith("commit-")) { // the commit queue has its own line
                out.printf("    %-13s %s%n", kind, e.path("message").asText());
            }
        }
        out.flush();
    }

    private static JsonNode find(JsonNode list, String field, Object value) {
        for (JsonNode item : list) {
            if (item.path(field).asText().equals(String.valueOf(value))) {
                return item;
            }
        }
        return null;
    }
}
