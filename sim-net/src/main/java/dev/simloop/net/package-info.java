/**
 * A simulated network for deterministic tests of distributed code on simloop's virtual-time loop.
 *
 * <p>A {@link dev.simloop.net.Network} holds named {@link dev.simloop.net.Node}s. Each node has its own tasks
 * ({@link dev.simloop.net.Node#spawn}), datagram ports ({@link dev.simloop.net.Endpoint}), ordered streams
 * ({@link dev.simloop.net.Stream}, {@link dev.simloop.net.Listener}), a {@link dev.simloop.net.Disk} that keeps synced
 * writes across crashes, and a clock that may be skewed. {@link dev.simloop.net.Link}s set latency, loss and
 * duplication; partitions cut links one way or both; crashes cancel a node's tasks and lose its volatile state. All
 * randomness comes from the loop's seed, so a failing seed replays exactly.
 *
 * <p>Node code written against {@link dev.simloop.net.Host} runs unchanged on real sockets too:
 * {@link dev.simloop.net.SocketHost} on a real-time loop, with a {@link dev.simloop.net.SocketDirectory} that places
 * logical addresses on real ones.
 *
 * <p>{@link dev.simloop.net.lin} checks a recorded history of operations for linearizability.
 */
package dev.simloop.net;
