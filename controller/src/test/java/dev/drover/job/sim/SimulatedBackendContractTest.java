package dev.drover.job.sim;

import java.nio.file.Path;

/** The job backend contract on the simulated backend: simulated time, an in-memory database, no Docker. */
class SimulatedBackendContractTest extends JobBackendContract {

    @Override
    protected ContractBackend open(Path dir) {
        return SimulatedWorld.open(7);
    }
}
