package dev.simloop.net.lin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearizabilityTest {

    private static final Register REGISTER = Register.startingAt(0);

    private static LinearizabilityResult<Register.Op, Object> check(History<Register.Op, Object> h) {
        return Linearizability.check(REGISTER, h);
    }

    @Test
    void aSequentialHistoryThatFollowsTheModelIsLinearizable() {
        History<Register.Op, Object> h = History.create();
        h.invoke("c1", Register.write(1));
        h.ok("c1", null);
        h.invoke("c2", Register.read());
        h.ok("c2", 1);
        h.invoke("c1", Register.cas(1, 2));
        h.ok("c1", true);
        h.invoke("c2", Register.cas(1, 3));
        h.ok("c2", false);
        LinearizabilityResult<Register.Op, Object> r = check(h);
        assertThat(r.isLinearizable()).isTrue();
        assertThat(r.report()).isEqualTo("linearizable: 4 operations, 8 events");
    }

    @Test
    void aStaleReadAfterACompletedWriteIsReportedWithTheOperationsInvolved() {
        long[] now = {0};
        History<Register.Op, Object> h = History.timed(() -> now[0] += 1_000_000);
        h.invoke("c3", Register.read());          // #0, open to the end: not involved
        h.invoke("c1", Register.write(1));        // #1
        h.ok("c1", null);                         // #2
        h.invoke("c2", Register.write(2));        // #3
        h.ok("c2", null);                         // #4
        h.invoke("c1", Register.read());          // #5
        h.ok("c1", 1);                            // #6: stale, 2 was written before
        h.invoke("c2", Register.read());          // #7
        h.ok("c2", 2);                            // #8
        LinearizabilityResult<Register.Op, Object> r = check(h);
        assertThat(r.isLinearizable()).isFalse();
        assertThat(r.failingPrefix()).isEqualTo(7);
        assertThat(r.failingOperation().id()).isEqualTo(3);
        assertThat(r.report()).isEqualTo("""
                not linearizable: the shortest failing prefix has 7 of 9 events; it ends as c1 read() -> 1 \
                [invoked #5 at 6.000 ms, ok #6 at 7.000 ms]
                no order of these 2 operations explains what the clients saw:
                  c2 write(2) [invoked #3 at 4.000 ms, ok #4 at 5.000 ms]
                  c1 read() -> 1 [invoked #5 at 6.000 ms, ok #6 at 7.000 ms]""");
    }

    @Test
    void concurrentOperationsMayTakeEffectInEitherOrder() {
        History<Register.Op, Object> h = History.create();
        h.invoke("w", Register.write(1));
        h.invoke("a", Register.read());
        h.invoke("b", Register.read());
        h.ok("b", 1);
        h.ok("a", 0);
        h.ok("w", null);
        assertThat(check(h).isLinearizable()).isTrue();
    }

    @Test
    void aReadOfTheOldValueAfterAReadOfTheNewOneIsNot() {
        History<Register.Op, Object> h = History.create();
        h.invoke("w", Register.write(1));
        h.invoke("a", Register.read());
        h.ok("a", 1);
        h.invoke("b", Register.read());
        h.ok("b", 0);
        h.ok("w", null);
        LinearizabilityResult<Register.Op, Object> r = check(h);
        assertThat(r.failingPrefix()).isEqualTo(5);
        // A smallest set, not the only one: without the write, reading 1 and then 0 is already impossible.
        assertThat(r.involved()).extracting(Operation::client).containsExactly("a", "b");
        assertThat(r.report()).endsWith("a read() -> 1 [invoked #1, ok #2]\n  b read() -> 0 [invoked #3, ok #4]");
    }

    @Test
    void anUnknownWriteMayTakeEffectLateOrNeverAndAFailedOneNever() {
        History<Register.Op, Object> h = History.create();
        h.invoke("w", Register.write(1));
        h.info("w");
        h.invoke("a", Register.read());
        h.ok("a", 0);
        h.invoke("a", Register.read());
        h.ok("a", 1);
        assertThat(check(h).isLinearizable()).isTrue();

        History<Register.Op, Object> failed = History.create();
        failed.invoke("w", Register.write(1));
        failed.fail("w");
        failed.invoke("a", Register.read());
        failed.ok("a", 1);
        assertThat(check(failed).report()).isEqualTo("""
                not linearizable: the shortest failing prefix has 4 of 4 events; it ends as a read() -> 1 \
                [invoked #2, ok #3]
                no order of these 1 operations explains what the clients saw:
                  a read() -> 1 [invoked #2, ok #3]""");
    }

    @Test
    void aLongHistoryOfAnAtomicRegisterIsLinearizable() {
        History<Register.Op, Object> h = RegisterHistories.atomic(1000, 10, new SplittableRandom(7));
        assertThat(h.operations()).hasSize(1000);
        assertThat(check(h).isLinearizable()).isTrue();
    }

    @Test
    void badUseOfAHistoryGetsAClearError() {
        History<Register.Op, Object> h = History.create();
        h.invoke("c1", Register.read());
        assertThatThrownBy(() -> h.invoke("c1", Register.write(1))).hasMessage(
                "client c1 invoked Op[kind=WRITE, value=1, expected=null] while its operation "
                        + "Op[kind=READ, value=null, expected=null] is still open: record ok, fail or info first");
        assertThatThrownBy(() -> h.ok("c2", 1)).hasMessage("client c2 has no open operation to end with ok: "
                + "invoke first");
    }
}
