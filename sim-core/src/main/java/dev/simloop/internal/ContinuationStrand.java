package dev.simloop.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The fast strand: a {@code jdk.internal.vm.Continuation}, what virtual threads are made of (about 100 ns a switch).
 *
 * <p>It is reached through method handles, so the code compiles with {@code --release 21} and needs no export at
 * build time; at run time the JVM must be started with
 * {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED} (or {@code =dev.simloop.core} on the module path).
 * {@link #AVAILABLE} says whether that worked, and {@link #UNAVAILABLE_REASON} why not.
 */
final class ContinuationStrand implements Strand {

    static final boolean AVAILABLE;
    static final String UNAVAILABLE_REASON;

    private static final Object SCOPE;
    private static final MethodHandle NEW;
    private static final MethodHandle RUN;
    private static final MethodHandle YIELD;
    private static final MethodHandle IS_DONE;

    static {
        Object scope = null;
        MethodHandle create = null, run = null, yield = null, isDone = null;
        String reason = null;
        try {
            Class<?> scopeClass = Class.forName("jdk.internal.vm.ContinuationScope");
            Class<?> contClass = Class.forName("jdk.internal.vm.Continuation");
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            scope = lookup.findConstructor(scopeClass, MethodType.methodType(void.class, String.class))
                    .invoke("simloop");
            create = lookup.findConstructor(contClass,
                            MethodType.methodType(void.class, scopeClass, Runnable.class))
                    .asType(MethodType.methodType(Object.class, Object.class, Runnable.class));
            run = lookup.findVirtual(contClass, "run", MethodType.methodType(void.class))
                    .asType(MethodType.methodType(void.class, Object.class));
            yield = lookup.findStatic(contClass, "yield", MethodType.methodType(boolean.class, scopeClass))
                    .asType(MethodType.methodType(boolean.class, Object.class));
            isDone = lookup.findVirtual(contClass, "isDone", MethodType.methodType(boolean.class))
                    .asType(MethodType.methodType(boolean.class, Object.class));
            // One round trip proves that this JVM lets us run and yield a continuation.
            final Object s = scope;
            final MethodHandle y = yield;
            Object probe = create.invokeExact(s, (Runnable) () -> {
                try {
                    boolean ignored = (boolean) y.invokeExact(s);
                } catch (Throwable t) {
                    throw Sneaky.rethrow(t);
                }
            });
            run.invokeExact(probe);
            run.invokeExact(probe);
            if (!(boolean) isDone.invokeExact(probe)) {
                reason = "a probe continuation did not complete";
            }
        } catch (Throwable t) {
            reason = t.getClass().getName() + ": " + t.getMessage();
        }
        AVAILABLE = reason == null;
        UNAVAILABLE_REASON = reason;
        SCOPE = scope;
        NEW = create;
        RUN = run;
        YIELD = yield;
        IS_DONE = isDone;
    }

    private final Object continuation;

    ContinuationStrand(Runnable body) {
        try {
            continuation = (Object) NEW.invokeExact(SCOPE, body);
        } catch (Throwable t) {
            throw Sneaky.rethrow(t);
        }
    }

    @Override
    public void resume() {
        try {
            RUN.invokeExact(continuation);
        } catch (Throwable t) {
            throw Sneaky.rethrow(t);
        }
    }

    @Override
    public void suspend() {
        boolean yielded;
        try {
            yielded = (boolean) YIELD.invokeExact(SCOPE);
        } catch (Throwable t) {
            throw Sneaky.rethrow(t);
        }
        if (!yielded) {
            throw new IllegalStateException("The coroutine could not suspend: its stack is pinned (a native frame, "
                    + "or a synchronized block on a JDK older than 24). Await outside of it, or use the baton strand "
                    + "(-Dsimloop.strand=baton).");
        }
    }

    @Override
    public boolean isDone() {
        try {
            return (boolean) IS_DONE.invokeExact(continuation);
        } catch (Throwable t) {
            throw Sneaky.rethrow(t);
        }
    }

    @Override
    public Thread bodyThread(Thread driver) {
        return driver;
    }
}
