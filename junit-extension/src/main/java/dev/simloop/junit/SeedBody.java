package dev.simloop.junit;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import dev.simloop.LoopProblem;
import dev.simloop.LoopProblemException;
import dev.simloop.Sim;
import dev.simloop.Task;
import dev.simloop.Trace;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The main coroutine of one seed's run (or, for a {@link SimTest#drivesLoop()} test, the body that drives its loop):
 * the {@link BeforeEachSeed} methods, the test method and the {@link AfterEachSeed} methods, each with the run's own
 * loop, random source and trace; then the check that no task other than a background one is left pending.
 *
 * <p>Parameters of the simloop types get the run's values; the others keep what JUnit resolved for the invocation.
 */
final class SeedBody implements Supplier<Coroutine<Void>> {

    private final Method method;
    private final Object target;
    private final List<Object> junitArguments;
    private final SeedHooks hooks;

    SeedBody(Method method, Object target, List<Object> junitArguments, SeedHooks hooks) {
        this.method = method;
        this.target = target;
        this.junitArguments = junitArguments;
        this.hooks = hooks;
    }

    /** A class's {@link BeforeEachSeed} methods, superclass first, and its {@link AfterEachSeed} ones, subclass first. */
    record SeedHooks(List<Method> before, List<Method> after) {}

    /** The test method's name: the name of the main task and of each run's loop. */
    String name() {
        return method.getName();
    }

    /** Whether a parameter of this type is one the run supplies: the loop, its random source, clock or trace. */
    static boolean isSimParameter(Parameter p) {
        return p.getType() == EventLoop.class || p.getType() == RandomGenerator.class || p.getType() == Clock.class
                || isTraceSupplier(p);
    }

    private static boolean isTraceSupplier(Parameter p) {
        Type t = p.getParameterizedType();
        return t instanceof ParameterizedType pt && pt.getRawType() == Supplier.class
                && pt.getActualTypeArguments()[0] == Trace.class;
    }

    @Override
    public Coroutine<Void> get() {
        return Coroutine.ofVoid(method.getName(), () -> run(Sim.currentLoop(), Sim.currentTask()));
    }

    /** The run of a {@link SimTest#drivesLoop()} body: the same calls, on the run's thread, outside the loop. */
    void drive(EventLoop loop) {
        run(loop, null);
    }

    private void run(EventLoop loop, Task<?> main) {
        Throwable failed = null;
        try {
            for (Method hook : hooks.before()) {
                ReflectionSupport.invokeMethod(hook, target, arguments(hook, loop, null));
            }
            ReflectionSupport.invokeMethod(method, target, arguments(method, loop, junitArguments));
        } catch (Throwable t) {
            failed = t;
        }
        for (Method hook : hooks.after()) {
            try {
                ReflectionSupport.invokeMethod(hook, target, arguments(hook, loop, null));
            } catch (Throwable t) {
                if (failed == null) {
                    failed = t;
                } else {
                    failed.addSuppressed(t);
                }
            }
        }
        if (failed != null) {
            throw SeedBody.<RuntimeException>rethrow(failed);
        }
        failOnPendingTasks(loop, main);
    }

    /** Throws {@code t} as it is, checked or not (the test method's own exception, unchanged). */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException rethrow(Throwable t) throws E {
        throw (E) t;
    }

    private static Object[] arguments(Method m, EventLoop loop, List<Object> resolved) {
        Parameter[] params = m.getParameters();
        Object[] args = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            Parameter p = params[i];
            if (p.getType() == EventLoop.class) {
                args[i] = loop;
            } else if (p.getType() == RandomGenerator.class) {
                args[i] = loop.random();
            } else if (p.getType() == Clock.class) {
                args[i] = loop.clock();
            } else if (isTraceSupplier(p)) {
                args[i] = (Supplier<Trace>) loop::trace;
            } else {
                args[i] = resolved.get(i);
            }
        }
        return args;
    }

    /** Fails with one {@link LoopProblemException} per task left pending (the first thrown, the others suppressed). */
    private static void failOnPendingTasks(EventLoop loop, Task<?> main) {
        List<LoopProblemException> pending = new ArrayList<>();
        for (Task<?> t : loop.pendingTasks()) {
            if (t != main && !t.isBackground()) {
                pending.add(new LoopProblemException(LoopProblem.pendingTask(t, "the test body returned",
                        "the body returns")));
            }
        }
        if (!pending.isEmpty()) {
            pending.subList(1, pending.size()).forEach(pending.get(0)::addSuppressed);
            throw pending.get(0);
        }
    }
}
