package dev.simloop;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.sleep;
import static dev.simloop.Sim.yieldNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same program gives the identical event sequence on both strand backends. */
class StrandEquivalenceTest {

    /** Records every listener event as "step time event task [detail]". */
    static final class Recorder implements LoopListener {
        final List<String> events = new ArrayList<>();
        EventLoop loop;

        private void add(String event, Task<?> task, Object detail) {
            events.add(loop.stepCount() + " " + loop.time() + " " + event + " " + task.name()
                    + (detail == null ? "" : " " + detail));
        }

        @Override
        public void taskCreated(Task<?> task) {
            add("created", task, null);
        }

        @Override
        public void taskStarted(Task<?> task) {
            add("started", task, null);
        }

        @Override
        public void taskSuspended(Task<?> task, Object on) {
            add("suspended", task, on instanceof Task<?> t ? "task " + t.name()
                    : on instanceof SimFuture<?> f ? "future " + f.name() : on);
        }

        @Override
        public void taskResumed(Task<?> task) {
            add("resumed", task, null);
        }

        @Override
        public void taskFinished(Task<?> task) {
            add("finished", task, task.isCancelled() ? "cancelled" : null);
        }

        @Override
        public void timerFired(TimerHandle timer) {
            events.add(loop.stepCount() + " " + loop.time() + " timer " + timer.when());
        }
    }

    static List<String> record(StrandBackend backend) {
        Recorder recorder = new Recorder();
        EventLoop.Builder builder = EventLoop.builder().strands(backend).listener(recorder);
        try (EventLoop loop = builder.build()) {
            recorder.loop = loop;
            loop.runUntilComplete(Coroutine.of("main", StrandEquivalenceTest::program));
        }
        return recorder.events;
    }

    private static String program() {
        SimFuture<String> reply = Sim.currentLoop().createFuture("reply");
        List<Task<Integer>> workers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            workers.add(createTask("worker-" + n, Coroutine.of(() -> {
                int sum = 0;
                for (int round = 0; round < 3; round++) {
                    sleep(Duration.ofMillis(10L * ((n + round) % 3)));
                    yieldNow();
                    sum += n * round;
                }
                if (n == 2) {
                    reply.setResult("from 2");
                }
                return sum;
            })));
        }
        Task<Void> victim = createTask("victim", Coroutine.ofVoid(() -> sleep(Duration.ofDays(1))));
        String r = await(reply);
        victim.cancel("no longer needed");
        int total = 0;
        for (Task<Integer> w : workers) {
            total += await(w);
        }
        return r + " " + total;
    }

    @Test
    void bothBackendsGiveTheIdenticalEventSequence() {
        assumeTrue(StrandBackend.CONTINUATION.isAvailable(),
                "needs --add-exports java.base/jdk.internal.vm=ALL-UNNAMED (the default surefire run has it)");
        List<String> continuation = record(StrandBackend.CONTINUATION);
        List<String> baton = record(StrandBackend.BATON);
        assertThat(continuation).hasSizeGreaterThan(60);
        assertThat(baton).isEqualTo(continuation);
    }

    @Test
    void theBatonBackendIsDeterministicRunToRun() {
        assertThat(record(StrandBackend.BATON)).isEqualTo(record(StrandBackend.BATON));
    }
}
