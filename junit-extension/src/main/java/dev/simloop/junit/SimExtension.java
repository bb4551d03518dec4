package dev.simloop.junit;

import dev.simloop.Decisions;
import dev.simloop.EventLoop;
import dev.simloop.Seeds;
import dev.simloop.Trace;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * Runs {@link SimTest} methods seed by seed, and gives an ordinary {@code @Test} method a fresh {@link EventLoop}
 * that it drives itself.
 *
 * <p>With {@code @ExtendWith(SimExtension.class)} on a class, its {@code @Test} methods can take an {@link EventLoop}
 * (FIFO, seed 0, recording a trace), its {@link java.util.random.RandomGenerator}, a {@link java.time.Clock} on its
 * virtual time and a {@code Supplier<Trace>}; the
 * test drives the loop ({@code loop.runUntilComplete(...)}): the explicit way in. The loop is closed after the method
 * and the test fails on what it reports: tasks still pending, unretrieved exceptions, never-awaited coroutines. Each
 * test method gets its own loop; nothing leaks from one test to the next. {@code @SimTest} brings this extension
 * with it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SimExtension implements ParameterResolver, InvocationInterceptor,
        TestTemplateInvocationContextProvider {

    /** The extension; JUnit creates it, through {@code @SimTest} or {@code @ExtendWith(SimExtension.class)}. */
    public SimExtension() {}

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SimExtension.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, SimTest.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        Class<?> testClass = context.getRequiredTestClass();
        SimConfig config = SimConfig.of(testClass, method, AnnotationSupport.findAnnotation(method, SimTest.class)
                .orElseThrow(), context::getConfigurationParameter, System::getenv);
        SeedBody.SeedHooks hooks = new SeedBody.SeedHooks(seedHooks(testClass, BeforeEachSeed.class,
                HierarchyTraversalMode.TOP_DOWN), seedHooks(testClass, AfterEachSeed.class,
                HierarchyTraversalMode.BOTTOM_UP));
        Outputs outputs = new Outputs(testClass, method);
        SeedPlan plan = SeedPlan.of(config, config.exactSeed() == null ? outputs.lastFailure() : null);
        SimSweep sweep = new SimSweep(config, plan, outputs);
        if (config.searches()) {
            String name = config.schedule() != null ? "schedule " + config.schedule()
                    : "every schedule with at most " + config.explore() + (config.explore() == 1 ? " delay" : " delays");
            return Stream.of(new SimInvocation(sweep, -1, hooks, name));
        }
        if (!config.perSeedInvocations() || plan.total() == 0) {
            String name = config.exactSeed() != null ? "seed " + Seeds.format(config.exactSeed()) + ", "
                    + config.policyName() : plan.total() + (plan.total() == 1 ? " run, " : " runs, ")
                    + config.policyName() + plan.shard();
            return Stream.of(new SimInvocation(sweep, -1, hooks, name));
        }
        return IntStream.range(0, plan.total()).mapToObj(i -> {
            boolean single = i < plan.singles().size();
            long seed = single ? plan.singles().get(i).seed() : plan.sweepSeed(i - plan.singles().size());
            String why = single && !plan.singles().get(i).why().isEmpty() ? ", " + plan.singles().get(i).why() : "";
            return new SimInvocation(sweep, i, hooks, "seed " + Seeds.format(seed) + why);
        });
    }

    private static List<Method> seedHooks(Class<?> testClass, Class<? extends java.lang.annotation.Annotation> kind,
            HierarchyTraversalMode order) {
        List<Method> hooks = new ArrayList<>();
        for (Method m : AnnotationSupport.findAnnotatedMethods(testClass, kind, order)) {
            boolean simOnly = Stream.of(m.getParameters()).allMatch(SeedBody::isSimParameter);
            if (Modifier.isStatic(m.getModifiers()) || m.getReturnType() != void.class || !simOnly) {
                throw new ExtensionConfigurationException("Configuration error: @" + kind.getSimpleName() + " method ["
                        + SimConfig.testName(testClass, m) + "] must be a non-static void method whose parameters are of the "
                        + "types EventLoop, RandomGenerator, Clock or Supplier<Trace> only.");
            }
            hooks.add(m);
        }
        return hooks;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return SeedBody.isSimParameter(parameter.getParameter());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Method test = context.getTestMethod().orElse(null);
        if (test == null || !parameter.getDeclaringExecutable().equals(test)) {
            throw new ParameterResolutionException("Configuration error: a simloop " + parameter.getParameter()
                    .getType().getSimpleName() + " can be injected into test methods (and @BeforeEachSeed methods) "
                    + "only, not into " + parameter.getDeclaringExecutable() + ": each test, and each seed of a "
                    + "@SimTest, gets its own.");
        }
        if (AnnotationSupport.isAnnotated(test, SimTest.class)) {
            return null; // each seed's run passes its own value (SeedBody)
        }
        EventLoop loop = run(context).loop();
        Class<?> type = parameter.getParameter().getType();
        return type == EventLoop.class ? loop : type == Supplier.class ? (Supplier<Trace>) loop::trace
                : type == Clock.class ? loop.clock() : loop.random();
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
            ExtensionContext context) throws Throwable {
        run(context).runDrivenByTest(invocation::proceed);
    }

    private static SimRun run(ExtensionContext context) {
        String test = context.getRequiredTestMethod().getName();
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(SimRun.class, k -> new SimRun(test), SimRun.class);
    }
}
