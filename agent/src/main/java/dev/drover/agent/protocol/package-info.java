/**
 * The agent protocol: the JSON bodies agents and the controller exchange over HTTP under
 * {@code /api/v1/agents} (agent tokens only). The agent opens every connection; it has no inbound port.
 *
 * <pre>
 * POST /api/v1/agents/register   Registration   -> Registered
 * POST /api/v1/agents/heartbeat  Heartbeat      -> HeartbeatAnswer   (every heartbeatSeconds; renews the lease)
 * POST /api/v1/agents/work       WorkRequest    -> Work              (long poll, up to pollSeconds)
 * POST /api/v1/agents/results    AttemptResult  -> ResultAck         (exactly-once ingest, keyed by attempt)
 * </pre>
 *
 * Plain records; Jackson writes and reads them by their component names.
 */
package dev.drover.agent.protocol;
