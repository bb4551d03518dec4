package dev.simloop.scenarios;

import dev.simloop.Decisions;
import dev.simloop.ExploreResult;
import dev.simloop.Policy;
import dev.simloop.RunResult;
import dev.simloop.Seeds;
import dev.simloop.Simulation;
import dev.simloop.SweepResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code hunt}: sweeps each buggy version until its first failing seed (shrunk) and each fixed version over all its
 * seeds; prints a table and the failures; exit code 1 if a fixed version failed.
 */
@Command(name = "hunt", description = "Hunts the bug of a scenario (or all) by seed; checks the fixed version.")
final class HuntCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    private Hunter hunter;

    @Parameters(index = "0", paramLabel = "<scenario|all>", description = "a scenario's name (see list), or all")
    private String scenario;

    @Option(names = "--seeds", paramLabel = "N", description = "seeds per version (default: the scenario's own)")
    private Integer seeds;

    @Option(names = "--policy", paramLabel = "P", converter = HunterArguments.PolicyConverter.class,
            description = "FIFO, RANDOM, POS, PORTFOLIO (the default) or PCT(depth); /iteration after it for "
                    + "asyncio's per-iteration scope")
    private Policy policy;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1", description = "threads per sweep (default 1)")
    private int threads;

    @Option(names = "--exhaustive", description = "runs every schedule within --delays instead of seeds")
    private boolean exhaustive;

    @Option(names = "--delays", paramLabel = "D", defaultValue = "1",
            description = "the delay bound of --exhaustive (default 1)")
    private int delays;

    @Option(names = "--preemptions", paramLabel = "P",
            description = "bound --exhaustive by preemptions from a non-preemptive order instead of delays")
    private Integer preemptions;

    @Option(names = "--max-schedules", paramLabel = "N", defaultValue = "100000",
            description = "the most schedules --exhaustive runs per version (default 100000)")
    private long maxSchedules;

    @Option(names = "--save", paramLabel = "DIR",
            description = "writes the decisions of each failure (shrunk) to DIR/<scenario>-<variant>.decisions")
    private Path save;

    /** How long the last progress line was, to blank out what a shorter one leaves. */
    private int progressWidth;

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        if (seeds != null && seeds < 1) {
            throw new CommandLine.ParameterException(cli, "--seeds must be at least 1, was " + seeds + ".");
        }
        if (threads < 1) {
            throw new CommandLine.ParameterException(cli, "--threads must be at least 1, was " + threads + ".");
        }
        List<Scenario> chosen = HunterArguments.scenarios(cli, hunter.catalog, scenario, true);
        if (exhaustive) {
            return explore(cli, chosen);
        }
        HuntTable table = new HuntTable();
        List<String> notes = new ArrayList<>();
        int found = 0;
        int fixedFailed = 0;
        for (Scenario s : chosen) {
            for (Scenario.Variant v : Scenario.Variant.values()) {
                long start = System.nanoTime();
                SweepResult r = sweep(s, v);
                double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
                RunResult first = r.firstFailure().orElse(null);
                table.row(s.title(v), policy == null ? Policy.portfolio(0).toString() : policy.toString(), r.runs(),
                        first == null ? "-" : Seeds.format(first.seed()), (long) (r.runs() / seconds),
                        r.shrunk().map(x -> String.valueOf(x.decisions().delays())).orElse("-"));
                if (first == null && v == Scenario.Variant.BUGGY) {
                    notes.add(s.title(v) + ": no failing seed in " + r.runs() + " seeds");
                } else if (first != null) {
                    found += v == Scenario.Variant.BUGGY ? 1 : 0;
                    fixedFailed += v == Scenario.Variant.FIXED ? 1 : 0;
                    notes.addAll(failureNotes(cli, s, v, first, r.shrunk().orElse(first)));
                }
            }
        }
        progress("");
        PrintWriter out = cli.getOut();
        out.print(table.render());
        out.println();
        notes.forEach(out::println);
        out.println();
        out.println("Bugs found: " + found + " of " + chosen.size() + ". Fixed versions that failed a seed: "
                + fixedFailed + " of " + chosen.size() + ".");
        return fixedFailed > 0 ? 1 : 0;
    }

    /**
     * {@code --exhaustive}: a delay-bounded search of each version; prints what each covered or its failing schedule
     * with the command that replays it. Exit code 1 if a fixed version failed.
     */
    private int explore(CommandLine cli, List<Scenario> chosen) {
        if (delays < 0 || maxSchedules < 1 || (preemptions != null && preemptions < 0)) {
            throw new CommandLine.ParameterException(cli, "--delays and --preemptions must be at least 0 and "
                    + "--max-schedules at least 1.");
        }
        String measure = preemptions == null ? delays + (delays == 1 ? " delay" : " delays")
                : preemptions + (preemptions == 1 ? " preemption" : " preemptions");
        PrintWriter out = cli.getOut();
        int found = 0;
        int fixedFailed = 0;
        for (Scenario s : chosen) {
            for (Scenario.Variant v : Scenario.Variant.values()) {
                progress(s.title(v) + ": every schedule with at most " + measure + "...");
                Simulation sim = s.simulation(v).threads(threads)
                        .searchLimits(maxSchedules, java.time.Duration.ofMinutes(10));
                ExploreResult r = preemptions == null ? sim.explore(delays) : sim.explorePreemptions(preemptions);
                progress("");
                if (r.failed()) {
                    RunResult shown = r.shrunk().orElseThrow();
                    found += v == Scenario.Variant.BUGGY ? 1 : 0;
                    fixedFailed += v == Scenario.Variant.FIXED ? 1 : 0;
                    out.println(s.title(v) + (v == Scenario.Variant.FIXED ? " FAILED" : "") + ": schedule "
                            + String.format(java.util.Locale.ROOT, "%,d", r.schedules()) + " "
                            + firstLine(shown.failure()) + ", " + shown.decisions().describeDelays()
                            + "\n  replay: " + replayCommand(s.name() + " --schedule \\\"" + shown.decisions().toLine()
                            + "\\\"" + (v == Scenario.Variant.FIXED ? " --variant fixed" : "")));
                } else {
                    out.println(s.title(v) + ": " + r.report());
                }
            }
        }
        out.println();
        out.println("Bugs found: " + found + " of " + chosen.size() + ". Fixed versions that failed a schedule: "
                + fixedFailed + " of " + chosen.size() + ".");
        return fixedFailed > 0 ? 1 : 0;
    }

    /** Sweeps one version with the options given (shrinking only the buggy one's failure), showing progress. */
    private SweepResult sweep(Scenario s, Scenario.Variant v) {
        int count = seeds == null ? s.seeds() : seeds;
        Simulation sim = s.simulation(v).threads(threads).shrink(v == Scenario.Variant.BUGGY)
                .seeds(Scenario.BASE_SEED, count);
        progress(s.title(v) + ": up to " + count + " seeds...");
        return (policy == null ? sim : sim.policy(policy)).sweep();
    }

    /** What a failure prints: its seed, draw and exception, the command that replays it, and the saved shrunk run. */
    private List<String> failureNotes(CommandLine cli, Scenario s, Scenario.Variant v, RunResult first,
            RunResult shrunk) {
        String variant = v == Scenario.Variant.FIXED ? " --variant fixed" : "";
        List<String> notes = new ArrayList<>();
        notes.add(s.title(v) + (v == Scenario.Variant.FIXED ? " FAILED" : "") + ": seed "
                + Seeds.format(first.seed()) + " (" + first.policy() + ") " + firstLine(first.failure())
                + "\n  replay: " + replayCommand(s.name() + " --seed " + Seeds.format(first.seed()) + variant
                + (policy == null ? "" : " --policy " + HunterArguments.name(policy))));
        if (save != null) {
            notes.add("  shrunk: " + replayCommand(s.name() + " --decisions " + saveDecisions(cli, s.title(v), shrunk)
                    + variant));
        }
        return notes;
    }

    /** Writes a run's decisions under {@link #save}; returns the file's path. */
    private Path saveDecisions(CommandLine cli, String title, RunResult run) {
        Path file = save.resolve(title.replace(" (", "-").replace(")", "") + ".decisions");
        try {
            Files.createDirectories(save);
            run.decisions().write(file);
        } catch (IOException e) {
            throw new CommandLine.ExecutionException(cli, "Cannot write " + file + ": " + e, e);
        }
        return file;
    }

    /** The command that replays a run from a fresh clone (the README's main command with other arguments). */
    static String replayCommand(String arguments) {
        return "mvn -B -q -Pmain -pl scenarios -am verify -DskipTests -Dhunt=\"replay " + arguments + "\"";
    }

    /** Overwrites the progress line on standard error (plain carriage returns: logs stay readable). */
    private void progress(String line) {
        PrintWriter err = spec.commandLine().getErr();
        String text = line.isEmpty() ? "" : "hunting " + line;
        String blank = " ".repeat(Math.max(0, progressWidth - text.length()));
        err.print("\r" + text + blank + (text.isEmpty() ? "\r" : ""));
        progressWidth = text.length();
        err.flush();
    }

    private static String firstLine(Throwable failure) {
        String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        int nl = text.indexOf('\n');
        return "failed with " + (nl < 0 ? text : text.substring(0, nl) + " ...");
    }
}
