package dev.simloop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simloop.sync.Condition;
import dev.simloop.sync.LifoQueue;
import dev.simloop.sync.Lock;
import dev.simloop.sync.PriorityQueue;
import dev.simloop.sync.Queue;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every public method and constructor of sim-core's public types, called with null for one reference parameter at a
 * time (the others given ordinary values), throws a NullPointerException or IllegalArgumentException whose message
 * names the parameter, unless the parameter is listed in {@link #NULL_ALLOWED} because its javadoc says what null
 * means.
 */
class NullArgumentsTest {

    /**
     * "Type.method(parameter)" of parameters whose javadoc says what null means. Beyond these, the test skips by rule:
     * the message and cause of an exception's constructor (null allowed, as for every java.lang.Throwable),
     * {@code equals(Object)} (Object's contract), an enum's compiler-made {@code valueOf}, and the methods of
     * interfaces (users implement them; the loop calls them).
     */
    private static final Set<String> NULL_ALLOWED = Set.of(
            // "may be null" for none or the default
            "Builder.listener(listener)", "Builder.onProblem(handler)", "Builder.strands(backend)",
            "Condition.new(lock)", // a new lock
            "PriorityQueue.new(comparator)", // the items' natural order
            "EventLoop.createTask(name)", "EventLoop.createBackgroundTask(name)", "Sim.createTask(name)", // unnamed
            "Coroutine.of(name)", "Coroutine.ofVoid(name)", "Task.create(name)", // unnamed
            "EventLoop.setExceptionHandler(handler)", "EventLoop.setTaskFactory(factory)", // back to the default
            "SimFuture.setResult(value)", "Queue.put(item)", "Queue.putNowait(item)", // values may be null, as in asyncio
            "SimScheduledExecutor.submit(result)", // ExecutorService.submit's result may be null
            "SimFuture.cancel(message)", "Task.cancel(message)", // asyncio's msg=None
            "Sim.wait(timeout)", "Sim.waitFor(timeout)", "Sim.asCompleted(timeout)", // no timeout
            "Sim.timeout(delay)", "Sim.timeoutAt(when)", // no deadline
            "Simulation.onRun(listener)", // no listener
            // record components documented "or null"
            "TraceEvent.new(taskName)", "TraceEvent.new(source)", "RunResult.new(failure)", "RunResult.new(trace)",
            "LoopProblem.new(cause)");

    /** Types whose instances exist only inside a running coroutine: their static members are still called. */
    private static final Set<String> NO_SAMPLE = Set.of("TaskGroup", "Timeout");

    @Test
    void everyPublicMethodRejectsNullNamingTheParameterOrDocumentsWhatNullMeans() throws Exception {
        Set<String> wrong = new TreeSet<>();
        int pairs = 0;
        for (Class<?> type : publicTypes()) {
            List<Executable> members = new ArrayList<>(List.of(type.getConstructors()));
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                    members.add(m);
                }
            }
            for (Executable member : members) {
                if (skippedByRule(type, member)) {
                    continue;
                }
                Parameter[] params = member.getParameters();
                for (int i = 0; i < params.length; i++) {
                    if (params[i].getType().isPrimitive() || member instanceof Constructor
                            && Throwable.class.isAssignableFrom(type)
                            && Set.of("message", "cause").contains(params[i].getName())) {
                        continue;
                    }
                    String key = type.getSimpleName() + "." + (member instanceof Constructor ? "new" : member.getName())
                            + "(" + params[i].getName() + ")";
                    if (NULL_ALLOWED.contains(key)) {
                        continue;
                    }
                    pairs++;
                    String outcome = callWithNull(type, member, i);
                    if (outcome != null) {
                        wrong.add(key + ": " + outcome);
                    }
                }
            }
        }
        assertThat(wrong).as("of %s pairs", pairs).isEmpty();
    }

    private static boolean skippedByRule(Class<?> type, Executable member) {
        if (member instanceof Constructor) {
            return false;
        }
        Method m = (Method) member;
        boolean isStatic = Modifier.isStatic(m.getModifiers());
        return m.getName().equals("equals") && m.getParameterCount() == 1
                || type.isEnum() && m.getName().equals("valueOf")
                || type.isInterface() && !isStatic
                || NO_SAMPLE.contains(type.getSimpleName()) && !isStatic;
    }

    /** Null when the call threw as it should; else what happened. */
    private static String callWithNull(Class<?> type, Executable member, int nullAt) {
        EventLoop loop = EventLoop.builder().name("nulls").onProblem(p -> {}).build();
        try {
            Object receiver = null;
            if (member instanceof Method m && !Modifier.isStatic(m.getModifiers())) {
                receiver = sample(type, loop);
                if (receiver == null) {
                    return "no sample receiver";
                }
            }
            Parameter[] params = member.getParameters();
            Object[] args = new Object[params.length];
            for (int i = 0; i < params.length; i++) {
                if (i != nullAt) {
                    args[i] = value(params[i].getType(), loop);
                }
            }
            try {
                if (member instanceof Method m) {
                    m.invoke(receiver, args);
                } else {
                    ((Constructor<?>) member).newInstance(args);
                }
                return "accepted null";
            } catch (InvocationTargetException e) {
                Throwable t = e.getCause();
                String name = params[nullAt].getName();
                if ((t instanceof NullPointerException || t instanceof IllegalArgumentException)
                        && t.getMessage() != null && t.getMessage().contains(name)) {
                    return null;
                }
                return t.getClass().getSimpleName() + " " + t.getMessage();
            }
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            return "could not call: " + e;
        } finally {
            try {
                loop.close();
            } catch (RuntimeException ignored) {
                // the loop may be left running or closed by the call; closing is not what this test checks
            }
        }
    }

    private static Object value(Class<?> t, EventLoop loop) {
        if (t == int.class || t == Integer.class) {
            return 1;
        }
        if (t == long.class || t == Long.class) {
            return 1L;
        }
        if (t == boolean.class || t == Boolean.class) {
            return false;
        }
        if (t == double.class || t == Double.class) {
            return 1.0;
        }
        if (t == String.class || t == Object.class || t == CharSequence.class) {
            return "x";
        }
        if (t == Duration.class) {
            return Duration.ofSeconds(1);
        }
        if (t == LoopInstant.class) {
            return LoopInstant.ofNanos(1);
        }
        if (t == java.time.Instant.class) {
            return java.time.Instant.EPOCH;
        }
        if (t == java.time.ZoneId.class) {
            return java.time.ZoneOffset.UTC;
        }
        if (t == java.nio.file.Path.class) {
            return java.nio.file.Path.of("target", "null-arguments-test.txt");
        }
        if (t == Set.class) {
            return Set.of();
        }
        if (t == Runnable.class) {
            return (Runnable) () -> {};
        }
        if (t == Coroutine.class) {
            return Coroutine.ofVoid(() -> {});
        }
        if (t == Policy.class) {
            return Policy.FIFO;
        }
        if (t.isEnum()) {
            return t.getEnumConstants()[0];
        }
        if (t == EventLoop.class) {
            return loop;
        }
        if (t == EventLoop.Builder.class) {
            return EventLoop.builder();
        }
        if (t == SimFuture.class || t == Awaitable.class || t == FutureBase.class || t == FutureLike.class) {
            return loop.createFuture("f");
        }
        if (t == Task.class) {
            return loop.createTask(Coroutine.ofVoid(() -> {}));
        }
        if (t == Lock.class) {
            return new Lock();
        }
        if (t == Thread.class) {
            return Thread.currentThread();
        }
        if (t == TimeUnit.class) {
            return TimeUnit.SECONDS;
        }
        if (t == CompletableFuture.class || t == java.util.concurrent.CompletionStage.class
                || t == java.util.concurrent.Future.class) {
            return CompletableFuture.completedFuture(1);
        }
        if (Throwable.class.isAssignableFrom(t)) {
            return new RuntimeException("x");
        }
        if (t == List.class || t == java.util.Collection.class || t == Iterable.class) {
            return List.of();
        }
        if (t == Class.class) {
            return Object.class;
        }
        if (t.isArray()) {
            return Array.newInstance(t.getComponentType(), 0);
        }
        if (t.isInterface()) {
            return Proxy.newProxyInstance(t.getClassLoader(), new Class<?>[] {t}, (p, m, a) -> {
                Class<?> r = m.getReturnType();
                if (m.getName().equals("toString")) {
                    return "proxy";
                }
                if (m.getName().equals("hashCode")) {
                    return 0;
                }
                if (m.getName().equals("equals")) {
                    return p == a[0];
                }
                return r == boolean.class ? false : r == int.class || r == long.class ? 0 : r == void.class ? null
                        : r.isPrimitive() ? 0 : value(r, loop);
            });
        }
        return null;
    }

    private static Object sample(Class<?> t, EventLoop loop) {
        if (t == Condition.class) {
            return new Condition();
        }
        if (Queue.class.isAssignableFrom(t)) {
            return t == PriorityQueue.class ? new PriorityQueue<Integer>() : t == LifoQueue.class ? new LifoQueue<>()
                    : new Queue<>();
        }
        if (t == Simulation.class) {
            return Simulation.of(() -> Coroutine.ofVoid(() -> {}));
        }
        if (t == Trace.class) {
            try (EventLoop traced = EventLoop.builder().trace(TraceLevel.DEFAULT).build()) {
                traced.runUntilComplete(Coroutine.ofVoid(() -> {}));
                return traced.trace();
            }
        }
        if (t == Decisions.class) {
            return Decisions.of(0, 1);
        }
        if (t == SimScheduledExecutor.class) {
            return loop.scheduledExecutor();
        }
        if (t == SimScheduledFuture.class) {
            return loop.scheduledExecutor().schedule(() -> {}, 1, TimeUnit.SECONDS);
        }
        Object v = value(t, loop);
        return v == null || Proxy.isProxyClass(v.getClass()) ? null : v;
    }

    /** The public types of the API packages (the root and sync; internal packages are not API). */
    private static List<Class<?>> publicTypes() throws Exception {
        List<Class<?>> types = new ArrayList<>();
        java.nio.file.Path root = java.nio.file.Path.of(EventLoop.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        for (String pkg : List.of("dev.simloop", "dev.simloop.sync")) {
            try (var files = java.nio.file.Files.list(root.resolve(pkg.replace('.', '/')))) {
                for (java.nio.file.Path f : files.sorted().toList()) {
                    String n = f.getFileName().toString();
                    if (n.endsWith(".class") && !n.equals("package-info.class")) {
                        Class<?> c = Class.forName(pkg + "." + n.substring(0, n.length() - 6), false,
                                NullArgumentsTest.class.getClassLoader());
                        if (isPublic(c)) {
                            types.add(c);
                        }
                    }
                }
            }
        }
        return types;
    }

    private static boolean isPublic(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isSynthetic()) {
                return false;
            }
        }
        return true;
    }
}
