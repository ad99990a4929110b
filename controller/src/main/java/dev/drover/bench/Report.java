package dev.drover.bench;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/** The benchmark's outputs: a Markdown table for people and a CSV (with its settings in a header) for tools. */
public final class Report {
    private Report() {
    }

    public static String markdown(List<ScenarioResult> results, BenchRunner.Settings settings) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Canary benchmark: %d reps per scenario, seed %d, budget %.2f per rollout; "
                + "rates in %% (Monte-Carlo SE); <=k N_FH: rolled back within k x N_FH judged jobs per arm; jobs to rollback: the candidate's judged jobs.%n%n", settings.reps(),
                settings.seed(), Design.BUDGET));
        md.append("| scenario | expect | N_FH | procedure | rollback % (SE) | <=N_FH | <=2N_FH | <=3N_FH "
                + "| jobs to rollback med / p90 | failed jobs | by failure gate | h to verdict | h to promote "
                + "| promote % (SE) |\n");
        md.append("|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ScenarioResult r : results) {
            for (Summary s : r.summaries()) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | %s | %s / %s | %s | %s | %s "
                                + "| %s | %s |%n", r.scenario().name(), expect(r.scenario()), r.nfh(), s.procedure(),
                        pct(s.rollback()) + " (" + pct(s.rollbackSe()) + ")", pct(s.within()[0]), pct(s.within()[1]),
                        pct(s.within()[2]), num(s.medianJobs(), 0), num(s.p90Jobs(), 0), num(s.failedJobs(), 1),
                        pct(s.failureGate()), num(s.verdictHours(), 1), num(s.promoteHours(), 1),
                        pct(s.promote()) + " (" + pct(s.promoteSe()) + ")"));
            }
        }
        return md.toString();
    }

    public static String csv(List<ScenarioResult> results, BenchRunner.Settings settings) {
        StringBuilder csv = new StringBuilder();
        csv.append("# drover bench canary: seed=").append(settings.seed()).append(" reps=").append(settings.reps())
                .append(" procedures=").append(String.join(";", settings.procedures())).append('\n');
        csv.append("# replication r of every scenario uses seed Seeds.of(seed, r) = SplitMix64(seed + 0x9E3779B97F4A7C15"
                + " * (r + 1)); the same stream feeds every procedure; results do not depend on --threads\n");
        csv.append("# false-rollback budget ").append(Design.BUDGET).append(" per rollout, split by Bonferroni over "
                + "the failure-rate and duration gates; monitored up to 3 x nfh judged jobs per arm\n");
        csv.append("# *_se: Monte-Carlo standard error sqrt(p (1 - p) / reps); rates are fractions; NaN: no such "
                + "replication\n");
        csv.append("scenario,expect,nfh,p0,r,m,sigma,median,tail,tail_at,memory,oom,share,rate,infra,bursts,"
                + "infra_pattern,drift,drift_at,fail_after_candidate,fail_after_baseline,procedure,reps,rollback,rollback_se,within_1nfh,"
                + "within_2nfh,within_3nfh,failure_gate_share,median_jobs_to_rollback,p90_jobs_to_rollback,"
                + "mean_failed_jobs,median_hours_to_verdict,median_hours_to_promote,promote,promote_se,no_verdict\n");
        for (ScenarioResult r : results) {
            Scenario c = r.scenario();
            for (Summary s : r.summaries()) {
                StringJoiner row = new StringJoiner(",");
                row.add(c.name()).add(expect(c)).add(Integer.toString(r.nfh()));
                for (double v : new double[] {c.p0(), c.relativeRisk(), c.durationFactor(), c.sigmaLog(),
                    c.medianMinutes()}) {
                    row.add(Double.toString(v));
                }
                row.add(Boolean.toString(c.tailOnly())).add(Double.toString(c.tailAt()));
                for (double v : new double[] {c.memoryFactor(), c.oomLimit(), c.share(), c.jobsPerHour(),
                    c.infraRate()}) {
                    row.add(Double.toString(v));
                }
                row.add(Boolean.toString(c.infraBursts())).add(c.infra().describe());
                for (double v : new double[] {c.drift(), c.driftAt(), c.failAfterCandidate(), c.failAfterBaseline()}) {
                    row.add(Double.toString(v));
                }
                row.add(s.procedure()).add(Integer.toString(s.reps()));
                for (double v : new double[] {s.rollback(), s.rollbackSe(), s.within()[0], s.within()[1],
                    s.within()[2], s.failureGate(), s.medianJobs(), s.p90Jobs(), s.failedJobs(), s.verdictHours(),
                    s.promoteHours(), s.promote(), s.promoteSe(), s.none()}) {
                    row.add(String.format(Locale.ROOT, "%.6g", v));
                }
                csv.append(row).append('\n');
            }
        }
        return csv.toString();
    }

    private static String expect(Scenario s) {
        return s.mustPromote() ? "promote" : "rollback";
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", 100 * v);
    }

    private static String num(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
