package dev.simloop.docs.examples;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simloop.Coroutine;
import dev.simloop.Task;
import dev.simloop.junit.SimTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.engine.TestExecutionResult;

public class SweepInJUnit {
    // tag::example[]
    static final class Account {
        int balance = 100;

        Coroutine<Void> deposit(int amount, boolean checksRateFirst) {
            return Coroutine.ofVoid(() -> {
                if (checksRateFirst) {
                    sleep(Duration.ofMillis(10));     // looks up an exchange rate
                }
                int seen = balance;
                sleep(Duration.ofMillis(10));         // a slow database
                balance = seen + amount;
            });
        }
    }

    static class AccountTest {
        @SimTest(seeds = 200)
        void concurrentDepositsAddUp() {
            Account account = new Account();
            Task<Void> alice = createTask("alice", account.deposit(10, false));
            Task<Void> bob = createTask("bob", account.deposit(20, true));
            await(alice);
            await(bob);
            assertThat(account.balance).as("balance").isEqualTo(130);
        }
    }
    // end::example[]

    /**
     * Runs AccountTest with the JUnit Platform, as a build would, and prints the head of its failure. The seed a
     * previous run remembered is forgotten first, so that every run prints the same as a fresh clone's first.
     */
    public static void main(String[] args) throws IOException {
        Files.deleteIfExists(Path.of("target/simloop/last-failure",
                AccountTest.class.getName() + "#concurrentDepositsAddUp.seed"));
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(AccountTest.class)).build();
        LauncherFactory.create().execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                result.getThrowable().ifPresent(failure -> failure.getMessage().lines().limit(7)
                        .forEach(System.out::println));
            }
        });
    }
}
