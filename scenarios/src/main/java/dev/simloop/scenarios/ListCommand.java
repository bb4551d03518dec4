package dev.simloop.scenarios;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code list}: one line per scenario, its name and what goes wrong. */
@Command(name = "list", description = "Lists the scenarios, one line each.")
final class ListCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    private Hunter hunter;

    @Override
    public Integer call() {
        int width = hunter.catalog.stream().mapToInt(s -> s.name().length()).max().orElse(0);
        for (Scenario s : hunter.catalog) {
            spec.commandLine().getOut().printf("%-" + width + "s  %s%n", s.name(), s.description());
        }
        return 0;
    }
}
