package dev.simloop.net.lin;

import org.apiguardian.api.API;

/**
 * A sequential specification: the object's state and how each operation changes it. The checker compares states with
 * {@code equals}/{@code hashCode} (to skip configurations it has seen), so states must be immutable values (records,
 * strings, boxed numbers). Deterministic: one input applied to one state gives one new state.
 *
 * @param <S> the state
 * @param <I> an operation's input (what was asked)
 * @param <O> an operation's output (what was answered)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Model<S, I, O> {

    /** The state before any operation, not null. */
    S initial();

    /**
     * Applies an operation that completed with {@code output}.
     *
     * @param state the state before, not null
     * @param input what was asked, may be null
     * @param output what was answered, may be null
     * @return the state after, or null if {@code output} is impossible from {@code state}
     */
    S step(S state, I input, O output);

    /**
     * Applies an operation whose output is unknown (it timed out, or the history ended first): its effect only.
     *
     * @param state the state before, not null
     * @param input what was asked, may be null
     * @return the state after, not null
     */
    S apply(S state, I input);

    /**
     * How an operation prints in a report, e.g. {@code write(3)} or {@code read() -> 2}.
     *
     * @param input the input, may be null
     * @param output the output, may be null
     * @param known whether the output is known
     * @return the text, not null
     */
    default String describe(I input, O output, boolean known) {
        return input + (known ? " -> " + output : " -> ?");
    }
}
