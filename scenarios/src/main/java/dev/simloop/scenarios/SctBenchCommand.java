package dev.simloop.scenarios;

import dev.simloop.ExploreResult;
import dev.simloop.Policy;
import dev.simloop.RunResult;
import dev.simloop.Simulation;
import dev.simloop.SweepResult;
import dev.simloop.scenarios.sctbench.SctBench;
import dev.simloop.scenarios.sctbench.SctProgram;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sctbench}: how well each policy finds the bugs of the ported SCTBench programs, as a Markdown table: per
 * program and policy the hit rate over the seeds and the median number of seeds to the first failure, and per program
 * the fewest delays, and the fewest preemptions, a failure needs, with the number of schedules the search ran to find
 * it ({@link Simulation#explore(int)} and {@link Simulation#explorePreemptions(int)} with bounds 0, 1, 2, ... up to
 * {@code --max-delays}).
 */
@Command(name = "sctbench", description = "Measures the policies on the ported SCTBench programs (a Markdown table).")
final class SctBenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "<program>", arity = "0..*", description = "programs to measure (default: all)")
    private List<String> programs = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1000", description = "seeds per program and policy")
    private int seeds;

    @Option(names = "--policies", paramLabel = "P,...", split = ",",
            converter = HunterArguments.PolicyConverter.class,
            defaultValue = "RANDOM,PCT(2),PCT(3),POS,PORTFOLIO,PORTFOLIO/iteration",
            description = "the policies, comma-separated (default: RANDOM,PCT(2),PCT(3),POS,PORTFOLIO,"
                    + "PORTFOLIO/iteration)")
    private List<Policy> policies;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1", description = "threads per sweep (default 1)")
    private int threads;

    @Option(names = "--max-delays", paramLabel = "B", defaultValue = "3",
            description = "the highest delay bound the search tries (default 3)")
    private int maxDelays;

    @Option(names = "--max-schedules", paramLabel = "N", defaultValue = "200000",
            description = "the most schedules one search runs (default 200000)")
    private long maxSchedules;

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        if (seeds < 1 || threads < 1) {
            throw new CommandLine.ParameterException(cli, "--seeds and --threads must be at least 1.");
        }
        List<SctProgram> chosen = new ArrayList<>();
        for (String name : programs) {
            chosen.add(SctBench.named(name).orElseThrow(() -> new CommandLine.ParameterException(cli,
                    "Unknown SCTBench program '" + name + "': use one of " + SctBench.programs().stream()
                            .map(SctProgram::name).toList() + ".")));
        }
        if (chosen.isEmpty()) {
            chosen = SctBench.programs();
        }
        PrintWriter out = cli.getOut();
        List<String> header = new ArrayList<>(List.of("program"));
        policies.forEach(p -> header.add(HunterArguments.name(p)));
        header.add("delays needed / schedules");
        header.add("preemptions needed / schedules");
        out.println(row(header));
        out.println(row(header.stream().map(h -> "---").toList()));
        int foundByFirst = 0;
        for (SctProgram program : chosen) {
            List<String> cells = new ArrayList<>(List.of(program.name()));
            for (Policy policy : policies) {
                cli.getErr().print("\r" + program.name() + " under " + policy + "...                    ");
                cli.getErr().flush();
                Simulation s = program.simulation(policy, seeds).threads(threads).stopAtFirstFailure(false)
                        .shrink(false);
                SweepResult r = s.sweep();
                cells.add(cell(r));
                if (policy == policies.get(0) && r.firstFailure().isPresent()) {
                    foundByFirst++;
                }
            }
            cli.getErr().print("\r" + program.name() + ": searching...                    ");
            cli.getErr().flush();
            cells.add(needed(program, false));
            cells.add(needed(program, true));
            out.println(row(cells));
        }
        cli.getErr().print("\r" + " ".repeat(60) + "\r");
        out.println();
        out.println("Each cell: the share of " + seeds + " seeds that fail, then the median number of seeds to the "
                + "first failure (the gaps between failing seeds). Found by " + HunterArguments.name(policies.get(0))
                + ": " + foundByFirst + " of " + chosen.size() + ".");
        return 0;
    }

    /**
     * "1 / 37": the smallest bound (in delays, or in preemptions) at which a search finds a failure, and how many
     * schedules that search ran; "&gt; 2" when none fails up to {@code --max-delays}, or what stopped a search at its
     * limit first.
     */
    private String needed(SctProgram program, boolean preemptions) {
        Simulation sim = program.simulation(Policy.FIFO, 1).shrink(false)
                .searchLimits(maxSchedules, java.time.Duration.ofMinutes(2));
        for (int bound = 0; bound <= maxDelays; bound++) {
            ExploreResult r = preemptions ? sim.explorePreemptions(bound) : sim.explore(bound);
            if (r.failed()) {
                return bound + " / " + String.format(Locale.ROOT, "%,d", r.schedules());
            }
            if (!r.complete()) {
                return "> " + (bound - 1) + " (" + String.format(Locale.ROOT, "%,d", r.schedules())
                        + " schedules with " + bound + " did not fail)";
            }
        }
        return "> " + maxDelays;
    }

    /** "33.2% / 3": the hit rate and the median gap between failing seeds; "0% / -" when nothing failed. */
    static String cell(SweepResult r) {
        List<RunResult> failures = r.failures();
        if (failures.isEmpty()) {
            return "0% / -";
        }
        long[] gaps = new long[failures.size()];
        long previous = -1;
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = failures.get(i).index() - previous;
            previous = failures.get(i).index();
        }
        Arrays.sort(gaps);
        long median = gaps[(gaps.length - 1) / 2];
        return String.format(Locale.ROOT, "%.1f%% / %d", 100.0 * failures.size() / r.runs(), median);
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |";
    }
}
