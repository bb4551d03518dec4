package dev.simloop.scenarios;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.currentLoop;
import static dev.simloop.Sim.gather;
import static dev.simloop.Sim.waitFor;

import dev.simloop.Coroutine;
import dev.simloop.SimFuture;
import dev.simloop.SimTimeoutException;
import dev.simloop.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A timeout racing a reply at the deadline: an RPC client's reply handler completes the caller's future, which the
 * caller's timeout has just cancelled, and the handler crashes with {@code InvalidStateException}.
 *
 * <p>The server answers in 10 to 100 ms ({@code loop.random()}); the timeout is 100 ms. A reply due at 100 ms and the
 * timeout fire at the same instant; FIFO delivers the reply first (its timer is older). One departure fires the
 * timeout first.
 */
final class TimeoutAtDeadline {
    private TimeoutAtDeadline() {}

    static Scenario scenario() {
        return new Scenario("timeout-at-deadline", "a reply arriving as its caller times out crashes the reply "
                + "handler", () -> run(new RpcClient()), () -> run(new FixedRpcClient()), 1000);
    }

    /** The buggy client: its reply handler assumes a pending call still wants its reply. */
    static class RpcClient {
        final Map<Integer, SimFuture<String>> pending = new HashMap<>();
        private int nextId;

        Coroutine<String> call(String request) {
            return Coroutine.of("call " + request, () -> {
                int id = nextId++;
                SimFuture<String> reply = currentLoop().createFuture("reply " + id);
                pending.put(id, reply);
                long latency = 10L * currentLoop().random().nextInt(1, 11);
                currentLoop().callLater(Duration.ofMillis(latency), () -> onReply(id, "re: " + request));
                try {
                    return waitFor(reply, Duration.ofMillis(100));
                } finally {
                    pending.remove(id);
                }
            });
        }

        /** Called by the transport when a reply arrives. */
        void onReply(int id, String reply) {
            SimFuture<String> waiting = pending.remove(id);
            if (waiting != null) {
                waiting.setResult(reply);
            }
        }
    }

    /** The fix: a reply for a call that has given up (its future is done) is dropped. */
    static final class FixedRpcClient extends RpcClient {
        @Override
        void onReply(int id, String reply) {
            SimFuture<String> waiting = pending.remove(id);
            if (waiting != null && !waiting.isDone()) {
                waiting.setResult(reply);
            }
        }
    }

    static Coroutine<Void> run(RpcClient client) {
        return Coroutine.ofVoid("main", () -> {
            List<Task<String>> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String request = "get " + i;
                calls.add(createTask(Coroutine.of("caller-" + i, () -> {
                    try {
                        return await(client.call(request));
                    } catch (SimTimeoutException e) {
                        return "timed out";
                    }
                })));
            }
            List<String> answers = await(gather(calls));
            for (int i = 0; i < answers.size(); i++) {
                String a = answers.get(i);
                Io.check(a.equals("timed out") || a.equals("re: get " + i), "call " + i + " got " + a);
            }
        });
    }
}
