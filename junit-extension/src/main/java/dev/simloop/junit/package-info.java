/**
 * simloop for JUnit Jupiter: {@link dev.simloop.junit.SimTest @SimTest} runs a test method's body as the main
 * coroutine of a fresh event loop on virtual time; {@link dev.simloop.junit.SimExtension} alone injects a loop that
 * an ordinary {@code @Test} drives itself.
 *
 * <p>Either way the test fails, naming what is involved, when a task is left pending (other than a background
 * task), a task exception was never retrieved, a coroutine was never awaited, or the loop deadlocked. Each test gets
 * its own loop; nothing leaks from one test to the next.
 */
package dev.simloop.junit;
