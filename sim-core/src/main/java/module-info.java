/**
 * simloop core: a deterministic, virtual-time event loop with asyncio-style coroutines, tasks and futures.
 *
 * <p>Only {@code dev.simloop} is API; {@code dev.simloop.internal} is not exported. The module depends on the JDK
 * alone ({@code org.apiguardian.api} is read at compile time for the stability annotations and is optional at run
 * time).
 */
module dev.simloop.core {
    requires static org.apiguardian.api;

    exports dev.simloop;
}
