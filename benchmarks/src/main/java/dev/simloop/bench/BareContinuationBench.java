package dev.simloop.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The floor under {@code switch_ns.continuation}: two bare {@code jdk.internal.vm.Continuation}s that each yield
 * {@code SwitchBench.YIELDS} times, run in turn by a plain loop; nanoseconds per yield/run pair.
 *
 * <p>A simloop switch is the same pair (a task yields, the loop resumes the other task) plus the loop's step. The
 * continuation is reached through method handles in {@code static final} fields, as sim-core's
 * {@code ContinuationStrand} reaches it, so the two differ only by what simloop does around the pair. Needs
 * {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BareContinuationBench {

    private static final Object SCOPE;
    private static final MethodHandle NEW;
    private static final MethodHandle RUN;
    private static final MethodHandle YIELD;
    private static final MethodHandle IS_DONE;

    static {
        try {
            Class<?> scopeClass = Class.forName("jdk.internal.vm.ContinuationScope");
            Class<?> contClass = Class.forName("jdk.internal.vm.Continuation");
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            SCOPE = lookup.findConstructor(scopeClass, MethodType.methodType(void.class, String.class))
                    .invoke("bench");
            NEW = lookup.findConstructor(contClass, MethodType.methodType(void.class, scopeClass, Runnable.class))
                    .asType(MethodType.methodType(Object.class, Object.class, Runnable.class));
            RUN = lookup.findVirtual(contClass, "run", MethodType.methodType(void.class))
                    .asType(MethodType.methodType(void.class, Object.class));
            YIELD = lookup.findStatic(contClass, "yield", MethodType.methodType(boolean.class, scopeClass))
                    .asType(MethodType.methodType(boolean.class, Object.class));
            IS_DONE = lookup.findVirtual(contClass, "isDone", MethodType.methodType(boolean.class))
                    .asType(MethodType.methodType(boolean.class, Object.class));
        } catch (Throwable t) {
            throw new ExceptionInInitializerError("jdk.internal.vm.Continuation is not reachable (start the JVM "
                    + "with --add-exports java.base/jdk.internal.vm=ALL-UNNAMED): " + t);
        }
    }

    @Benchmark
    @OperationsPerInvocation(2 * SwitchBench.YIELDS)
    public long yieldRunPair() throws Throwable {
        Object a = (Object) NEW.invokeExact(SCOPE, (Runnable) BareContinuationBench::body);
        Object b = (Object) NEW.invokeExact(SCOPE, (Runnable) BareContinuationBench::body);
        long runs = 0;
        while (!(boolean) IS_DONE.invokeExact(b)) {
            RUN.invokeExact(a);
            RUN.invokeExact(b);
            runs += 2;
        }
        return runs;
    }

    private static void body() {
        try {
            for (int i = 0; i < SwitchBench.YIELDS; i++) {
                boolean yielded = (boolean) YIELD.invokeExact(SCOPE);
                if (!yielded) {
                    throw new IllegalStateException("pinned");
                }
            }
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
