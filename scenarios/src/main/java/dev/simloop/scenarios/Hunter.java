package dev.simloop.scenarios;

import java.io.PrintWriter;
import java.util.List;
import org.apiguardian.api.API;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command-line bug hunter: {@code list} the scenarios, {@code hunt} their bugs by seed, {@code replay} one run,
 * and measure the policies on the ported SCTBench programs ({@code sctbench}).
 *
 * <p>Exit codes: 0 when all went as expected, 1 when a fixed version failed a seed, 2 for bad arguments (a one-line
 * error and the usage on standard error).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Command(name = "simloop-hunt", mixinStandardHelpOptions = true, version = "simloop-hunt 0.1",
        description = "Hunts the concurrency bugs of simloop's scenarios by seed, and replays a seed step by step.",
        subcommands = {ListCommand.class, HuntCommand.class, ReplayCommand.class, SctBenchCommand.class})
public final class Hunter implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** The scenarios the commands know: {@link Catalog#all()}, or a test's own. */
    final List<Scenario> catalog;

    private Hunter(List<Scenario> catalog) {
        this.catalog = catalog;
    }

    /** Runs the hunter and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs the hunter with the given output streams.
     *
     * @param out where results go (deterministic apart from the runs per second), not null
     * @param err where progress, errors and usage go, not null
     * @param args the command line, not null
     * @return the exit code: 0, 1 when a fixed version failed, 2 for bad arguments
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(Catalog.all(), out, err, args);
    }

    /** {@link #run(PrintWriter, PrintWriter, String...)} over another list of scenarios (for tests). */
    static int run(List<Scenario> catalog, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Hunter(catalog)).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(out);
        cli.setErr(err);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Without a subcommand: the usage, as for bad arguments. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: use list, hunt or replay.");
    }
}
