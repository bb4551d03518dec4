package dev.simloop;

import org.apiguardian.api.API;

/** How much a loop's {@link Trace} records. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum TraceLevel {
    /** No trace: the loop pays nothing for one. */
    OFF,
    /** Every event (see {@link TraceEvent.Kind}); no strings are made while the run records. */
    DEFAULT,
    /** As {@link #DEFAULT}, plus the source line of each suspension (a stack walk per suspension). */
    DETAILED
}
