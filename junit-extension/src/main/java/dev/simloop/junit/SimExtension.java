package dev.simloop.junit;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import java.lang.reflect.Method;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives each test method a fresh {@link EventLoop} and checks it when the test ends.
 *
 * <p>On a {@link SimTest} method the body runs as the loop's main coroutine. On an ordinary {@code @Test} (with
 * {@code @ExtendWith(SimExtension.class)} on the class) the loop is only injected, and the test drives it itself
 * ({@code loop.runUntilComplete(...)}): the explicit way in. Either way the loop is closed after the method and the
 * test fails on what it reports: pending tasks, unretrieved exceptions, never-awaited coroutines.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SimExtension implements ParameterResolver, InvocationInterceptor {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SimExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EventLoop.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("Configuration error: an EventLoop can be injected into test "
                    + "methods only, not into " + parameter.getDeclaringExecutable() + ": each test gets its own.");
        }
        return run(context).loop();
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
            ExtensionContext context) throws Throwable {
        SimRun run = run(context);
        if (AnnotationSupport.isAnnotated(method.getExecutable(), SimTest.class)) {
            run.runAsMainCoroutine(Coroutine.of(method.getExecutable().getName(), () -> {
                try {
                    invocation.proceed();
                } catch (Exception | Error e) {
                    throw e;
                } catch (Throwable t) {
                    throw new AssertionError(t);
                }
                return null;
            }));
        } else {
            run.runDrivenByTest(invocation::proceed);
        }
    }

    private static SimRun run(ExtensionContext context) {
        String test = context.getRequiredTestMethod().getName();
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(SimRun.class, k -> new SimRun(test), SimRun.class);
    }
}
