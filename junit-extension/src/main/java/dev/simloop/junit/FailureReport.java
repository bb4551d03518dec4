package dev.simloop.junit;

import dev.simloop.Decisions;
import dev.simloop.LoopProblemException;
import dev.simloop.RunResult;
import dev.simloop.Seeds;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The failure of a {@link SimTest} run as the test reports it: which run of how many, the seed in hex, the policy, the
 * virtual time and the step count; the replay line; the shrunk interleaving as a per-task table; where the full trace
 * is. The run's failure is the cause; problems the loop reported are gathered into one "simloop found N problems"
 * error first.
 */
final class FailureReport {

    /** At most this many rows of the per-task table go into the message; the trace file has all. */
    private static final int MAX_ROWS = 60;

    private final SimConfig config;
    private final SeedPlan plan;
    private final RunResult failed;
    private final RunResult shrunk;
    private final int number;
    private final String why;
    /** The trace files written, or null for none. */
    private final Outputs.Written files;
    /** The run's failure as the test reports it: see {@link #cause}. */
    private final Throwable cause;

    /** For a schedule of a search (or one given): which one ("schedule 37 of the search ..."); null for a seed. */
    private final String schedule;

    FailureReport(SimConfig config, SeedPlan plan, RunResult failed, RunResult shrunk, int number, String why,
            Outputs.Written files) {
        this(config, plan, failed, shrunk, number, why, files, null);
    }

    /**
     * The report of a failing schedule: {@code which} names it ("schedule 37 of the search with at most 2 delays");
     * the replay line gives the schedule itself, the one of the shrunk run if shrinking found fewer delays.
     */
    static FailureReport ofSchedule(SimConfig config, RunResult failed, RunResult shrunk, String which,
            Outputs.Written files) {
        return new FailureReport(config, null, failed, shrunk, 0, "", files, which);
    }

    private FailureReport(SimConfig config, SeedPlan plan, RunResult failed, RunResult shrunk, int number, String why,
            Outputs.Written files, String schedule) {
        this.schedule = schedule;
        this.config = config;
        this.plan = plan;
        this.failed = failed;
        this.shrunk = shrunk;
        this.number = number;
        this.why = why;
        this.files = files;
        this.cause = cause(config.test().substring(config.test().indexOf('#') + 1), failed.failure());
    }

    AssertionError toError() {
        return new AssertionError(message(), cause);
    }

    String message() {
        String seed = Seeds.format(failed.seed());
        StringBuilder sb = new StringBuilder(config.test());
        if (schedule != null) {
            sb.append(" failed on ").append(schedule);
        } else {
            sb.append(" failed on run ").append(number).append(" of ").append(plan.total()).append(plan.shard())
                    .append(why.isEmpty() ? "" : " (" + why + ")");
        }
        sb.append(": seed ").append(seed).append(", policy ").append(failed.policy())
                .append(", ended at virtual time ").append(seconds(failed.virtualTime())).append(" after ")
                .append(failed.steps()).append(failed.steps() == 1 ? " step" : " steps")
                .append(failed.trace() == null ? "" : ", trace fingerprint " + Seeds.format(failed.fingerprint()))
                .append('.');
        if (schedule != null) {
            String line = shrunk.decisions().toLine();
            sb.append("\nReplay: @SimTest(schedule = \"").append(line).append("\")  or  ")
                    .append(shellQuoted("-Dtest=" + config.test())).append(' ')
                    .append(shellQuoted("-Dsimloop.schedule=" + line));
        } else {
            sb.append("\nReplay: @SimTest(seed = \"").append(seed).append("\", policy = \"")
                    .append(config.policyName()).append("\")  or  ").append(shellQuoted("-Dtest=" + config.test()))
                    .append(" -Dsimloop.seed=").append(seed).append(' ')
                    .append(shellQuoted("-Dsimloop.policy=" + config.policyName()));
        }
        sb.append("\nFailure: ").append(cause);
        if (shrunk.trace() != null) {
            sb.append(shrunk == failed ? "\nInterleaving, per task:\n" : "\nShrunk to "
                    + shrunk.decisions().describeDelays() + " from FIFO, per task:\n")
                    .append(firstRows(shrunk.trace().renderColumns()));
        }
        if (files != null) {
            String traceFile = files.text().toString();
            sb.append(files.cut().isEmpty() ? "\nFull trace: " : "\nTrace: ").append(traceFile)
                    .append(" (Chrome JSON: ").append(traceFile.replaceFirst("\\.txt$", ".json")).append("; timeline: ")
                    .append(traceFile.replaceFirst("\\.txt$", ".html")).append(')');
            if (files.shrunk() != null) {
                sb.append("\nShrunk run's trace: ").append(files.shrunk());
            }
            if (!files.cut().isEmpty()) {
                sb.append('\n').append(files.cut());
            }
        }
        return sb.toString();
    }

    /**
     * The run's failure, or one error that lists the problems the loop reported when those are what failed it, with
     * any other failure of the same run (a limit passed while the leftover tasks were cancelled) after them: that one
     * often names the real cause.
     */
    private static Throwable cause(String test, Throwable failure) {
        List<LoopProblemException> problems = new ArrayList<>();
        List<Throwable> others = new ArrayList<>();
        if (failure instanceof LoopProblemException p) {
            problems.add(p);
            for (Throwable s : p.getSuppressed()) {
                if (s instanceof LoopProblemException q) {
                    problems.add(q);
                } else {
                    others.add(s);
                }
            }
        }
        if (problems.isEmpty()) {
            return failure;
        }
        StringBuilder msg = new StringBuilder("simloop found ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems").append(" in ").append(test).append(':');
        for (LoopProblemException p : problems) {
            msg.append("\n  - ").append(p.getMessage());
        }
        for (Throwable o : others) {
            msg.append("\nAnd then: ").append(o.getMessage() != null ? o.getMessage() : o.toString());
        }
        AssertionError hygiene = new AssertionError(msg.toString());
        for (LoopProblemException p : problems) {
            if (p.getCause() != null) {
                hygiene.addSuppressed(p.getCause());
            }
        }
        others.forEach(hygiene::addSuppressed);
        return hygiene;
    }

    /** "0 s", "1.5 s", "0.000000001 s". */
    static String seconds(long nanos) {
        return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString() + " s";
    }

    /**
     * The argument as a shell reads it back: bare when it has no character a POSIX shell treats specially, else in
     * single quotes (a nested class's {@code Outer$Inner} would otherwise lose {@code $Inner} to bash, and the pasted
     * line would run no test and pass).
     */
    private static String shellQuoted(String arg) {
        return arg.matches("[A-Za-z0-9=._/:#-]*") ? arg : "'" + arg + "'";
    }

    private static String firstRows(String table) {
        String[] lines = table.split("\n", -1);
        if (lines.length <= MAX_ROWS + 1) {
            return table.endsWith("\n") ? table.substring(0, table.length() - 1) : table;
        }
        return String.join("\n", java.util.Arrays.asList(lines).subList(0, MAX_ROWS)) + "\n... ("
                + (lines.length - MAX_ROWS) + " more rows in the full trace)";
    }
}
