package dev.simloop.scenarios;

import dev.simloop.Policy;
import dev.simloop.RunResult;
import dev.simloop.Simulation;
import dev.simloop.TraceLevel;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code replay}: runs one seed of a scenario again and prints the run step by step. */
@Command(name = "replay", description = "Replays one seed of a scenario and prints the run step by step.")
final class ReplayCommand implements Callable<Integer> {

    /** How the run is printed. */
    enum Format { TEXT, TABLE, JSON }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    private Hunter hunter;

    @Parameters(index = "0", paramLabel = "<scenario>", description = "a scenario's name (see list)")
    private String scenario;

    @Option(names = "--seed", required = true, paramLabel = "S", converter = HunterArguments.SeedConverter.class,
            description = "the seed, as hunt printed it (0x...) or decimal")
    private long seed;

    @Option(names = "--format", paramLabel = "F", defaultValue = "TEXT",
            description = "text (one line per event), table (a column per task) or json (Chrome trace events)")
    private Format format;

    @Option(names = "--variant", paramLabel = "V", defaultValue = "buggy", description = "buggy (default) or fixed")
    private String variant;

    @Option(names = "--policy", paramLabel = "P", converter = HunterArguments.PolicyConverter.class,
            description = "the policy the hunt used (default PORTFOLIO)")
    private Policy policy;

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        Scenario s = HunterArguments.scenarios(cli, hunter.catalog, scenario, false).get(0);
        Scenario.Variant v = switch (variant) {
            case "buggy" -> Scenario.Variant.BUGGY;
            case "fixed" -> Scenario.Variant.FIXED;
            default -> throw new CommandLine.ParameterException(cli, "Unknown variant '" + variant
                    + "': use buggy or fixed.");
        };
        Simulation sim = s.simulation(v, TraceLevel.DETAILED);
        RunResult run = (policy == null ? sim : sim.policy(policy)).run(seed);
        PrintWriter out = cli.getOut();
        if (format == Format.JSON) {
            out.print(run.trace().renderChromeJson());
            return 0;
        }
        out.println(s.title(v) + ": " + s.description());
        out.println(run.describe());
        out.println();
        out.print(format == Format.TEXT ? run.trace().renderText() : run.trace().renderColumns());
        if (run.failed()) {
            out.println();
            out.println(run.failure());
            for (Throwable also : run.failure().getSuppressed()) {
                out.println("  and: " + also);
            }
        }
        return 0;
    }
}
