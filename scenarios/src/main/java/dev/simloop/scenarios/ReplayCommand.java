package dev.simloop.scenarios;

import dev.simloop.Decisions;
import dev.simloop.Policy;
import dev.simloop.RunResult;
import dev.simloop.Simulation;
import dev.simloop.TraceLevel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code replay}: runs one seed of a scenario again and prints the run step by step. */
@Command(name = "replay", description = "Replays one seed of a scenario and prints the run step by step.")
final class ReplayCommand implements Callable<Integer> {

    /** How the run is printed. */
    enum Format { TEXT, TABLE, JSON, HTML }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    private Hunter hunter;

    @Parameters(index = "0", paramLabel = "<scenario>", description = "a scenario's name (see list)")
    private String scenario;

    @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    private Run run;

    /** Which run: a seed, or the decisions a hunt saved. */
    static final class Run {
        @Option(names = "--seed", paramLabel = "S", converter = HunterArguments.SeedConverter.class,
                description = "the seed, as hunt printed it (0x...)")
        private Long seed;

        @Option(names = "--decisions", paramLabel = "FILE",
                description = "a decisions file that hunt --save wrote (the shrunk run)")
        private Path decisions;

        @Option(names = "--schedule", paramLabel = "LINE",
                description = "a schedule as hunt --exhaustive printed it (seed=0x... scope=step picks=...)")
        private String schedule;
    }

    @Option(names = "--format", paramLabel = "F", defaultValue = "TEXT",
            description = "text (one line per event), table (a column per task), json (Chrome trace events) or html "
                    + "(a self-contained timeline page; redirect it to a file and open it in a browser)")
    private Format format;

    @Option(names = "--variant", paramLabel = "V", defaultValue = "BUGGY", description = "buggy (default) or fixed")
    private Scenario.Variant variant;

    @Option(names = "--policy", paramLabel = "P", converter = HunterArguments.PolicyConverter.class,
            description = "the policy the hunt used (default PORTFOLIO)")
    private Policy policy;

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        Scenario s = HunterArguments.scenarios(cli, hunter.catalog, scenario, false).get(0);
        Scenario.Variant v = variant;
        Simulation sim = s.simulation(v, TraceLevel.DETAILED);
        RunResult result = run.seed != null ? (policy == null ? sim : sim.policy(policy)).run(run.seed)
                : sim.replay(run.decisions != null ? read(cli, run.decisions) : parse(cli, run.schedule));
        PrintWriter out = cli.getOut();
        if (format == Format.JSON || format == Format.HTML) {
            out.print(format == Format.JSON ? result.trace().renderChromeJson() : result.renderHtml());
            return 0;
        }
        out.println(s.title(v) + ": " + s.description());
        out.println(result.describe());
        out.println();
        out.print(format == Format.TEXT ? result.trace().renderText() : result.trace().renderColumns());
        if (result.failed()) {
            out.println();
            out.println(result.failure());
            for (Throwable also : result.failure().getSuppressed()) {
                out.println("  and: " + also);
            }
        }
        return 0;
    }

    private static Decisions parse(CommandLine cli, String line) {
        try {
            return Decisions.parse(line);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, "Bad --schedule: " + e.getMessage());
        }
    }

    private static Decisions read(CommandLine cli, Path file) {
        try {
            return Decisions.read(file);
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, "Cannot read the decisions file " + file + ": " + e + ".");
        }
    }
}
