package dev.simloop.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.junit.platform.testkit.engine.Events;

/** Runs fixture methods (classes named *TestCase) through the EngineTestKit. */
final class Fixtures {
    private Fixtures() {}

    /** Runs one fixture method with these configuration parameters, after forgetting its remembered failure. */
    static Events run(Class<?> fixture, String method, Map<String, String> configuration) {
        forgetLastFailure(fixture, method);
        return runAgain(fixture, method, configuration);
    }

    static Events run(Class<?> fixture, String method) {
        return run(fixture, method, Map.of());
    }

    /**
     * Runs one fixture method, keeping what earlier runs left under target/simloop/. The sweep's system properties of
     * the build ({@code -Dsimloop.seeds=...}, which JUnit reads as configuration parameters) are set aside meanwhile,
     * so that fixtures see only {@code configuration}.
     */
    static Events runAgain(Class<?> fixture, String method, Map<String, String> configuration) {
        Map<String, String> setAside = new java.util.HashMap<>();
        for (String key : List.of(SimConfig.SEEDS, SimConfig.SEED, SimConfig.POLICY, SimConfig.SHARD,
                SimConfig.PROGRESS)) {
            String value = System.clearProperty(key);
            if (value != null) {
                setAside.put(key, value);
            }
        }
        try {
            return EngineTestKit.engine("junit-jupiter").selectors(selectMethod(fixture, method(fixture, method)))
                    .configurationParameters(configuration).execute().allEvents();
        } finally {
            setAside.forEach(System::setProperty);
        }
    }

    static Method method(Class<?> fixture, String name) {
        return Arrays.stream(fixture.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    /** The failures of the finished tests and containers, in order. */
    static List<Throwable> failures(Events events) {
        return events.filter(e -> e.getType() == EventType.FINISHED).map(Fixtures::throwable)
                .filter(t -> t != null).toList();
    }

    /** The one failure of the run. */
    static Throwable failure(Events events) {
        List<Throwable> f = failures(events);
        if (f.size() != 1) {
            throw new AssertionError("expected one failure, got " + f);
        }
        return f.get(0);
    }

    private static Throwable throwable(Event e) {
        TestExecutionResult r = e.getRequiredPayload(TestExecutionResult.class);
        return r.getStatus() == TestExecutionResult.Status.FAILED ? r.getThrowable().orElseThrow() : null;
    }

    static Path lastFailureFile(Class<?> fixture, String method) {
        return new Outputs(fixture, method(fixture, method)).lastFailureFile();
    }

    static void forgetLastFailure(Class<?> fixture, String method) {
        try {
            Files.deleteIfExists(lastFailureFile(fixture, method));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
