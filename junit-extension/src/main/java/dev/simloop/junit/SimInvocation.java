package dev.simloop.junit;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;

/**
 * One invocation of a {@link SimTest} method: the whole plan (position -1) or one position of it. It skips JUnit's
 * own call of the method and runs the method once per seed instead, with fresh simloop parameters each time.
 */
final class SimInvocation implements TestTemplateInvocationContext, InvocationInterceptor {

    private final SimSweep sweep;
    private final int position;
    private final SeedBody.SeedHooks hooks;
    private final String displayName;

    SimInvocation(SimSweep sweep, int position, SeedBody.SeedHooks hooks, String displayName) {
        this.sweep = sweep;
        this.position = position;
        this.hooks = hooks;
        this.displayName = displayName;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
        return displayName;
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
        return List.of(this);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
            ExtensionContext context) {
        invocation.skip();
        Object target = method.getTarget().orElseThrow();
        sweep.run(position, new SeedBody(method.getExecutable(), target, method.getArguments(), hooks),
                context);
    }
}
