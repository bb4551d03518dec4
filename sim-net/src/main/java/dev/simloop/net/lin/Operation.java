package dev.simloop.net.lin;

import org.apiguardian.api.API;

/**
 * One operation of a {@link History}: who, what, how it ended, and when (as event numbers, and times if the history
 * records them).
 *
 * @param id its position in invocation order, from 0
 * @param client the client's name
 * @param input what was asked
 * @param output what was answered (for {@link Status#OK}), else null
 * @param status how it ended
 * @param invokeEvent the number of its invocation event
 * @param endEvent the number of its ending event, or {@link Integer#MAX_VALUE} while open
 * @param invokeTime the time of the invocation, or -1 if the history records no times
 * @param endTime the time of the ending, or -1
 * @param <I> the input type
 * @param <O> the output type
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Operation<I, O>(int id, String client, I input, O output, Status status, int invokeEvent,
        int endEvent, long invokeTime, long endTime) {

    /** How an operation ended. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public enum Status {
        /** Not ended (yet): treated as {@link #INFO}. */
        OPEN,
        /** Completed with an output. */
        OK,
        /** Certainly did not take effect: left out of the check. */
        FAIL,
        /** Unknown whether it took effect: it may take effect at any time after its invocation. */
        INFO
    }

    /** Whether the output is known: the operation completed. */
    public boolean known() {
        return status == Status.OK;
    }
}
