package dev.simloop;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.sleep;
import static dev.simloop.Sim.yieldNow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pins CPython asyncio's order (base_events._run_once, tasks, futures); each expected order is written out. */
class FifoOrderTest {

    private final List<String> log = new ArrayList<>();
    private final EventLoop loop = EventLoop.create();

    @AfterEach
    void close() {
        loop.close();
    }

    private Runnable logs(String entry) {
        return () -> log.add(entry);
    }

    @Test
    void callSoonRunsInFifoOrder() {
        loop.callSoon(logs("a"));
        loop.callSoon(logs("b"));
        loop.callSoon(logs("c"));
        loop.runUntilIdle();
        assertThat(log).containsExactly("a", "b", "c");
    }

    @Test
    void onePassRunsOnlyTheCallbacksReadyWhenItStarts() {
        // A callback that keeps rescheduling itself does not starve timers: each pass takes in the due timers.
        loop.callSoon(new Runnable() {
            int n = 3;

            @Override
            public void run() {
                log.add("ping" + n);
                if (--n > 0) {
                    loop.callSoon(this);
                }
            }
        });
        loop.callLater(Duration.ZERO, () -> {
            log.add("t1");
            loop.callLater(Duration.ZERO, logs("t2"));
        });
        loop.runUntilIdle();
        assertThat(log).containsExactly("ping3", "t1", "ping2", "t2", "ping1");
    }

    @Test
    void timersScheduledDuringAPassWaitForTheNextPassAfterCallbacksScheduledBeforeThem() {
        loop.callSoon(() -> {
            log.add("a");
            loop.callLater(Duration.ZERO, logs("timer"));
        });
        loop.callSoon(() -> {
            log.add("b");
            loop.callSoon(logs("c"));
        });
        loop.runUntilIdle();
        // Pass 1 runs a and b; pass 2 starts with c, then takes in the timer that became due.
        assertThat(log).containsExactly("a", "b", "c", "timer");
    }

    @Test
    void dueTimersRunAfterCallbacksAlreadyReadyInTheSamePass() {
        loop.callSoon(logs("soon1"));
        loop.callLater(Duration.ZERO, logs("timer"));
        loop.callSoon(logs("soon2"));
        loop.callSoon(() -> loop.callSoon(logs("next pass")));
        loop.runUntilIdle();
        assertThat(log).containsExactly("soon1", "soon2", "timer", "next pass");
    }

    @Test
    void timersWithEqualDeadlinesRunInCreationOrder() {
        loop.callLater(Duration.ofSeconds(2), logs("late"));
        loop.callLater(Duration.ofSeconds(1), logs("x"));
        loop.callAt(1_000_000_000L, logs("y"));
        loop.callLater(Duration.ofSeconds(1), logs("z"));
        loop.runUntilIdle();
        assertThat(log).containsExactly("x", "y", "z", "late");
        assertThat(loop.time()).isEqualTo(2_000_000_000L);
    }

    @Test
    void timersAlreadyPastRunByDeadlineThenCreationOrder() {
        loop.advanceBy(Duration.ofSeconds(10));
        loop.callAt(5_000_000_000L, logs("at 5"));
        loop.callLater(Duration.ofSeconds(-1), logs("now-1"));
        loop.callAt(2_000_000_000L, logs("at 2"));
        loop.runUntilIdle();
        assertThat(log).containsExactly("at 2", "at 5", "now-1");
        assertThat(loop.time()).isEqualTo(10_000_000_000L);
    }

    @Test
    void createTaskOnlySchedulesTheFirstStep() {
        loop.runUntilComplete(Coroutine.ofVoid(() -> {
            createTask(Coroutine.ofVoid(() -> log.add("task started")));
            loop.callSoon(logs("callback"));
            log.add("main continues");
            yieldNow();
            log.add("main resumed");
        }));
        assertThat(log).containsExactly("main continues", "task started", "callback", "main resumed");
    }

    @Test
    void doneCallbacksRunViaCallSoonInRegistrationOrder() {
        SimFuture<Integer> f = loop.createFuture();
        f.addDoneCallback(d -> log.add("cb1 " + d.result()));
        f.addDoneCallback(d -> log.add("cb2 " + d.result()));
        loop.callSoon(() -> {
            f.setResult(7);
            log.add("after setResult");
            f.addDoneCallback(d -> log.add("cb3 added when done"));
            loop.callSoon(logs("soon after"));
        });
        loop.runUntilIdle();
        assertThat(log).containsExactly("after setResult", "cb1 7", "cb2 7", "cb3 added when done", "soon after");
    }

    @Test
    void sleepZeroRequeuesForExactlyOnePass() {
        loop.runUntilComplete(Coroutine.ofVoid(() -> {
            Task<Void> a = createTask(Coroutine.ofVoid(() -> {
                log.add("a1");
                loop.callSoon(logs("cb scheduled by a"));
                sleep(Duration.ZERO);
                log.add("a2");
            }));
            Task<Void> b = createTask(Coroutine.ofVoid(() -> {
                log.add("b1");
                yieldNow();
                log.add("b2");
            }));
            await(a);
            await(b);
        }));
        assertThat(log).containsExactly("a1", "b1", "cb scheduled by a", "a2", "b2");
    }

    @Test
    void taskWokenByAFutureResumesAPassAfterTheResolverGoesOn() {
        loop.runUntilComplete(Coroutine.ofVoid(() -> {
            SimFuture<Integer> f = loop.createFuture();
            Task<Void> waiter = createTask(Coroutine.ofVoid(() -> log.add("waiter got " + await(f))));
            Task<Void> resolver = createTask(Coroutine.ofVoid(() -> {
                f.setResult(1);
                log.add("resolver continues");
                yieldNow();
                log.add("resolver after yield");
            }));
            await(waiter);
            await(resolver);
        }));
        assertThat(log).containsExactly("resolver continues", "waiter got 1", "resolver after yield");
    }

    @Test
    void sleepWakesUpInTwoHopsLikeCPythonsFutureBasedSleep() {
        loop.runUntilComplete(Coroutine.ofVoid(() -> {
            Task<Void> sleeper = createTask(Coroutine.ofVoid(() -> {
                sleep(Duration.ofSeconds(1));
                log.add("sleeper resumed");
            }));
            yieldNow(); // the sleeper starts its sleep first
            loop.callLater(Duration.ofSeconds(1), logs("timer scheduled after the sleep"));
            await(sleeper);
        }));
        assertThat(log).containsExactly("timer scheduled after the sleep", "sleeper resumed");
    }

    @Test
    void awaitingADoneFutureOrANonSuspendingCoroutineDoesNotYield() {
        loop.runUntilComplete(Coroutine.ofVoid(() -> {
            SimFuture<String> done = loop.createFuture();
            done.setResult("x");
            loop.callSoon(logs("callback"));
            log.add("got " + await(done));
            log.add("got " + await(Coroutine.of(() -> "inline")));
            yieldNow();
            log.add("after yield");
        }));
        assertThat(log).containsExactly("got x", "got inline", "callback", "after yield");
    }
}
