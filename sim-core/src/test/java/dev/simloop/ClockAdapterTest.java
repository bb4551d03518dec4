package dev.simloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClockAdapterTest {

    private final EventLoop loop = EventLoop.create();

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void theClockReadsVirtualTimeFromTheEpochInUtc() {
        Clock clock = loop.clock();
        assertThat(clock.instant()).isEqualTo(Instant.EPOCH);
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        loop.advanceBy(Duration.ofDays(1).plusNanos(1_500_000));
        assertThat(clock.instant()).isEqualTo(Instant.parse("1970-01-02T00:00:00.001500Z"));
        assertThat(clock.millis()).isEqualTo(86_400_001L);
    }

    @Test
    void startInstantAndZoneAreConfigurable() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        Clock clock = loop.clock(Instant.parse("2026-03-29T00:30:00Z"), paris);
        InstantSource source = clock;
        loop.advanceBy(Duration.ofHours(1));
        assertThat(source.instant()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(LocalDateTime.now(clock)).isEqualTo(LocalDateTime.parse("2026-03-29T03:30:00"));
        Clock utc = clock.withZone(ZoneOffset.UTC);
        assertThat(utc.instant()).isEqualTo(clock.instant());
        assertThat(utc.withZone(paris)).isEqualTo(clock).hasSameHashCodeAs(clock);
        assertThat(clock).hasToString("LoopTimeClock[loop loop, virtual time zero at 2026-03-29T00:30:00Z, Europe/Paris]");
    }

    @Test
    void anotherThreadCannotReadIt() {
        Clock clock = loop.clock();
        Throwable error = CompletableFuture.supplyAsync(() -> {
            try {
                return clock.instant();
            } catch (Throwable t) {
                return t;
            }
        }).join() instanceof Throwable t ? t : null;
        assertThat(error).isInstanceOf(WrongThreadException.class);
    }
}
