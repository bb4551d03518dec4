/**
 * One code, two loops: a health checker (timeouts, retries with backoff, a circuit breaker) written once with simloop
 * coroutines. {@link dev.simloop.realworld.HealthCheckMain} runs it for real on a real-time loop against a loopback
 * HTTP server; the tests run the very same classes under simulation, over a fake transport with seeded latency and
 * faults, where the {@link dev.simloop.realworld.CircuitBreaker}'s planted bug is found by seed.
 */
package dev.simloop.realworld;
