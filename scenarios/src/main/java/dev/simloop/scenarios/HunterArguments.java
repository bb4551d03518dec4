package dev.simloop.scenarios;

import dev.simloop.Policy;
import dev.simloop.Seeds;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** The hunter's argument types: scenarios by name, seeds as reports print them, policies by name. */
final class HunterArguments {
    private HunterArguments() {}

    /** The scenarios {@code name} picks ("all" for every one), or a one-line usage error. */
    static List<Scenario> scenarios(CommandLine cli, List<Scenario> catalog, String name, boolean allowAll) {
        if (allowAll && name.equals("all")) {
            return catalog;
        }
        return List.of(catalog.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
                new CommandLine.ParameterException(cli, "Unknown scenario '" + name + "': use one of "
                        + catalog.stream().map(Scenario::name)
                        .collect(Collectors.joining(", ")) + (allowAll ? ", or all." : "."))));
    }

    /** A seed, as every report prints it: "0x" and up to 16 hex digits. */
    static final class SeedConverter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            try {
                return Seeds.parse(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** The name {@link Policy#parse(String)} reads back: "PCT(3)" for "PCT(depth=3)". */
    static String name(Policy policy) {
        return policy.toString().replace("depth=", "");
    }

    /** A policy as {@link Policy#parse(String)} reads it. */
    static final class PolicyConverter implements CommandLine.ITypeConverter<Policy> {
        @Override
        public Policy convert(String text) {
            try {
                return Policy.parse(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a policy: use FIFO, RANDOM, "
                        + "POS, PORTFOLIO or PCT(depth), for example PCT(3), optionally followed by /iteration.");
            }
        }
    }
}
