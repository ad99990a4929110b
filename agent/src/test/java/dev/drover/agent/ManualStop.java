package dev.drover.agent;

/** Stop signals a test sends by hand. */
final class ManualStop implements StopSignals {
    private volatile Runnable stop = () -> { };

    @Override
    public void onStop(Runnable stop) {
        this.stop = stop;
    }

    void send() {
        stop.run();
    }
}
