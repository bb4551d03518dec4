package dev.simloop.scenarios;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/** The scenarios the hunter knows, in the order it lists and hunts them. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Catalog {
    private Catalog() {}

    private static final List<Scenario> ALL = List.of(
            LostUpdate.scenario(),
            CacheStampede.scenario(),
            LockOrdering.scenario(),
            MissedWakeup.scenario(),
            LostSignal.scenario(),
            TimeoutAtDeadline.scenario(),
            CancelLeak.scenario(),
            ProducerConsumer.scenario(),
            RetryBackoff.scenario(),
            LeaseExpiry.scenario(),
            RateLimiter.scenario(),
            StaleRead.scenario(),
            FireAndForget.scenario(),
            QuorumRead.scenario(),
            SplitLeader.scenario(),
            Redelivery.scenario());

    /** Every scenario, in catalog order. */
    public static List<Scenario> all() {
        return ALL;
    }

    /**
     * The scenario called {@code name}.
     *
     * @param name a scenario's name, not null
     * @return it, or empty if none has that name
     */
    public static Optional<Scenario> named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
