package dev.simloop.junit;

import dev.simloop.EventLoop;
import dev.simloop.Policy;
import dev.simloop.RunResult;
import dev.simloop.Simulation;
import dev.simloop.SweepResult;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Runs a {@link SimTest} method's {@link SeedPlan} through {@link Simulation}: all of it in one invocation (the fast
 * mode), or one position of it per invocation ({@link SimTest#perSeedInvocations()}). A failing run fails the test
 * with a {@link FailureReport}; a passing plan forgets the remembered failure if it ran it.
 */
final class SimSweep {

    private final SimConfig config;
    private final SeedPlan plan;
    private final Outputs outputs;
    /**
     * The policy with its step count k where it needs one: learnt once per test method, from one FIFO run of seed 0
     * as {@link Simulation} learns it, so that every invocation and the replay line agree; null until the first run.
     */
    private Policy policy;

    SimSweep(SimConfig config, SeedPlan plan, Outputs outputs) {
        this.config = config;
        this.plan = plan;
        this.outputs = outputs;
    }

    SeedPlan plan() {
        return plan;
    }

    /**
     * Runs position {@code position} of the plan, or all of it when {@code position} is -1.
     *
     * @throws AssertionError reporting the first failing run, with its failure as the cause
     */
    void run(int position, SeedBody body, ExtensionContext context) {
        if (plan.total() == 0) {
            throw new TestAbortedException(config.test() + " has no seeds to run" + plan.shard() + ".");
        }
        Simulation sim = simulation(body);
        int first = position < 0 ? 0 : position;
        int end = position < 0 ? plan.singles().size() : Math.min(position + 1, plan.singles().size());
        boolean ranRemembered = false;
        for (int i = first; i < end; i++) {
            SeedPlan.Single single = plan.singles().get(i);
            RunResult r = sim.run(single.seed());
            if (r.failed()) {
                throw report(r, shrink(sim, r), i + 1, single.why(), context);
            }
            ranRemembered |= plan.remembered() != null && single.seed() == plan.remembered();
        }
        if (position >= plan.singles().size()) {
            RunResult r = sim.run(plan.sweepSeed(position - plan.singles().size()));
            if (r.failed()) {
                throw report(r, shrink(sim, r), position + 1, "", context);
            }
        } else if (position < 0 && plan.sweepCount() > 0) {
            SweepResult sweep = sim.seeds(plan.sweepBase(), plan.sweepCount()).sweep();
            RunResult r = sweep.firstFailure().orElse(null);
            if (r != null) {
                RunResult shrunk = r.decisions().departures() == 0 ? r : sweep.shrunk().orElse(r);
                throw report(r, shrunk, plan.singles().size() + sweep.runs(), "", context);
            }
            if (config.seeds() > 1) {
                sweep.warnings().forEach(w -> context.publishReportEntry("simloop.warning", w));
            }
        }
        if (ranRemembered) {
            outputs.forgetFailure();
        }
    }

    /** The run shrunk, or the run itself if it took no departure from FIFO (there is nothing to shrink). */
    private static RunResult shrink(Simulation sim, RunResult failed) {
        return failed.decisions().departures() == 0 ? failed : sim.shrink(failed);
    }

    private Simulation simulation(SeedBody body) {
        EventLoop.Builder loop = EventLoop.builder().name(body.name()).trace(config.trace())
                .maxSteps(config.maxSteps());
        if (config.maxVirtualTime() != null) {
            loop = loop.maxVirtualTime(config.maxVirtualTime());
        }
        Simulation sim = Simulation.of(body).threads(config.threads()).checkDeterminism(config.checkDeterminism())
                .loop(loop);
        return sim.policy(resolvedPolicy(sim));
    }

    private synchronized Policy resolvedPolicy(Simulation sim) {
        if (policy == null) {
            Policy p = config.policy();
            policy = p.needsStepCount() ? p.withStepCount(Math.max(1, sim.policy(Policy.FIFO).checkDeterminism(false)
                    .run(0).steps())) : p;
        }
        return policy;
    }

    private AssertionError report(RunResult failed, RunResult shrunk, int number, String why,
            ExtensionContext context) {
        outputs.rememberFailure(failed.seed());
        String traceFile = null;
        if (failed.trace() != null) {
            traceFile = outputs.writeTrace(failed).toString();
            context.publishReportEntry("simloop.trace", traceFile);
            context.publishReportEntry("simloop.chromeTrace", traceFile.replaceFirst("\\.txt$", ".json"));
            context.publishReportEntry("simloop.timeline", traceFile.replaceFirst("\\.txt$", ".html"));
        }
        return new FailureReport(config, plan, failed, shrunk, number, why, traceFile).toError();
    }
}
