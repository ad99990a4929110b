package dev.drover.store.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.secret.SecretText;
import dev.drover.service.Service;
import dev.drover.service.ServiceOrigin;
import dev.drover.service.ServiceSettings;
import dev.drover.service.ServiceStore;
import dev.drover.store.AlreadyExistsException;
import dev.drover.store.StaleVersionException;
import dev.drover.store.jooq.TestDatabases.Backend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The service store's contract, optimistic versioning included, on every database the controller supports. */
@ParameterizedClass
@EnumSource(Backend.class)
class ServiceStoreContractTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @Parameter
    Backend backend;

    private TestDatabases.Opened db;
    private ServiceStore store;

    @BeforeEach
    void open() {
        db = TestDatabases.open(backend);
        store = new JooqServiceStore(db.database().dsl());
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private static ServiceSettings settings(String name, String repo) {
        return new ServiceSettings(name, repo, "main", new SecretText("hook-secret"), "git/token");
    }

    @Test
    void createdServiceStartsAtVersionOne() {
        Service created = store.create(settings("thumbnailer", "https://git.example/thumbnailer.git"), ServiceOrigin.API, T0);

        assertThat(created.version()).isEqualTo(1);
        assertThat(created.webhookSecret().matches("hook-secret")).isTrue();
        assertThat(created.credentials()).isEqualTo("git/token");
        assertThat(created.origin()).isEqualTo(ServiceOrigin.API);
        assertThat(store.find("thumbnailer")).contains(created);
        assertThat(store.find("other")).isEmpty();
        assertThatThrownBy(() -> store.create(settings("thumbnailer", "x"), ServiceOrigin.CONFIG, T0)).isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void updateAdvancesTheVersion() {
        Service v1 = store.create(settings("thumbnailer", "repo"), ServiceOrigin.API, T0);

        Service v2 = store.update(v1.withBranch("release"), T0.plusSeconds(1));

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.branch()).isEqualTo("release");
        assertThat(v2.updatedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(v2.createdAt()).isEqualTo(T0);
        assertThat(store.find("thumbnailer")).contains(v2);
    }

    @Test
    void updateFromAStaleReadIsRefusedAndChangesNothing() {
        Service read = store.create(settings("thumbnailer", "repo"), ServiceOrigin.API, T0);
        Service saved = store.update(read.withBranch("release"), T0.plusSeconds(1));

        assertThatThrownBy(() -> store.update(read.withRepoUrl("other"), T0.plusSeconds(2)))
                .isInstanceOf(StaleVersionException.class).hasMessageContaining("version 1");
        assertThat(store.find("thumbnailer")).contains(saved);
    }

    @Test
    void ofConcurrentWritersOfOneVersionExactlyOneWins() throws Exception {
        Service read = store.create(settings("thumbnailer", "repo"), ServiceOrigin.API, T0);
        int writers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String branch = "b" + i;
                Callable<Boolean> write = () -> {
                    start.await();
                    try {
                        store.update(read.withBranch(branch), T0.plusSeconds(1));
                        return true;
                    } catch (StaleVersionException e) {
                        return false;
                    }
                };
                results.add(pool.submit(write));
            }
            start.countDown();
            long wins = 0;
            for (Future<Boolean> result : results) {
                wins += result.get() ? 1 : 0;
            }
            assertThat(wins).isEqualTo(1);
            assertThat(store.find("thumbnailer")).get().extracting(Service::version).isEqualTo(2L);
        } finally {
            pool.shutdownNow();
        }
    }
}
