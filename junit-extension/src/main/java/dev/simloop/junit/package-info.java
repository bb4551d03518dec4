/**
 * simloop for JUnit Jupiter: {@link dev.simloop.junit.SimTest @SimTest} runs a test method's body as the main
 * coroutine of a fresh event loop on virtual time, once per seed; {@link dev.simloop.junit.SimExtension} alone injects
 * a loop that an ordinary {@code @Test} drives itself.
 *
 * <ul>
 *   <li>{@code @SimTest(seeds = 1000)} sweeps 1000 seeded interleavings in one test invocation; a failure names its
 *       run, seed, policy, virtual time and step count, gives the replay line ({@code @SimTest(seed = "0x…")} or
 *       {@code -Dsimloop.seed=0x…}), prints the shrunk interleaving per task, and writes the full trace under
 *       {@code target/simloop/traces/}.</li>
 *   <li>{@link dev.simloop.junit.BeforeEachSeed} resets test-instance state before each seed.</li>
 *   <li>{@link dev.simloop.junit.SimAssertions} holds AssertJ entry points for tasks, loops and traces;
 *       {@link dev.simloop.junit.Eventually} polls a condition in virtual time.</li>
 * </ul>
 *
 * <p>Either way the test fails, naming what is involved, when a task is left pending (other than a background
 * task), a task exception was never retrieved, a coroutine was never awaited, or the loop deadlocked. Each test, and
 * each seed, gets its own loop; nothing leaks from one test to the next.
 */
package dev.simloop.junit;
