/**
 * Jobs: submission, routing to a tier by weight, dispatch to agents (revision and arm fixed then),
 * exactly-once ingest of each attempt's result, retries by failure class, cost, and the lease
 * reaper that requeues the attempts of agents that went silent; what lists, summaries and the cost report
 * show of them; the {@link dev.drover.job.LogSource} that reads the logs of jobs run outside the agents.
 * Plain Java.
 */
package dev.drover.job;
