package dev.simloop.docs.examples;

import dev.simloop.EventLoop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

public class IdleSessions {
    // tag::example[]
    /** Plain Java: it takes a Clock and a ScheduledExecutorService and knows nothing of simloop. */
    static final class Sessions {
        private final Clock clock;
        private final Map<String, Instant> lastSeen = new LinkedHashMap<>();

        Sessions(Clock clock, ScheduledExecutorService scheduler, Duration maxIdle) {
            this.clock = clock;
            scheduler.scheduleAtFixedRate(
                    () -> lastSeen.values().removeIf(seen -> seen.plus(maxIdle).isBefore(clock.instant())),
                    1, 1, TimeUnit.MINUTES);
        }

        void touch(String user) {
            lastSeen.put(user, clock.instant());
        }

        Set<String> active() {
            return lastSeen.keySet();
        }
    }

    public static void main(String[] args) {
        try (EventLoop loop = EventLoop.create()) {
            Clock clock = loop.clock();
            Sessions sessions = new Sessions(clock, loop.scheduledExecutor(), Duration.ofMinutes(30));
            sessions.touch("ada");
            loop.advanceBy(Duration.ofMinutes(20));
            sessions.touch("grace");
            loop.advanceBy(Duration.ofMinutes(20));
            System.out.println(clock.instant() + " active: " + sessions.active());
            loop.advanceBy(Duration.ofHours(1));
            System.out.println(clock.instant() + " active: " + sessions.active());
        }
    }
    // end::example[]
}
