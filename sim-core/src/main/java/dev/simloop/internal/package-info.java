/**
 * Internals of simloop: how coroutines suspend (strands), the blocked-loop watchdog and small helpers.
 * Not API: the module does not export this package and anything here may change in any release.
 */
package dev.simloop.internal;
