/**
 * Internals of simloop: how coroutines suspend (strands), the blocked-loop watchdog, the engine hooks of the other
 * packages ({@link dev.simloop.internal.CoreAccess}) and small helpers. Not API: every public type here is marked
 * {@code @API(status = INTERNAL)}, no public signature outside these packages names one (the build's architecture test
 * checks both), and anything here may change in any release.
 */
package dev.simloop.internal;
