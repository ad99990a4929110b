package dev.drover.rollout;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Where committed rollout events go in this process (notifications, live views). Listeners must not
 * block; one that throws does not stop the others. Events are also kept in the store, so a listener
 * that missed some (a restart) can read them back in order.
 */
public final class RolloutEvents implements Consumer<RolloutEvent> {
    private final List<Consumer<RolloutEvent>> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(Consumer<RolloutEvent> listener) {
        listeners.add(listener);
    }

    @Override
    public void accept(RolloutEvent event) {
        for (Consumer<RolloutEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(RolloutEvents.class).warn("rollout event listener failed: {}",
                        e.getMessage(), e);
            }
        }
    }
}
