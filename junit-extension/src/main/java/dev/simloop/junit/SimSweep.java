package dev.simloop.junit;

import dev.simloop.Decisions;
import dev.simloop.EventLoop;
import dev.simloop.ExploreResult;
import dev.simloop.Policy;
import dev.simloop.RunResult;
import dev.simloop.Simulation;
import dev.simloop.SweepResult;
import java.util.Locale;
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
        if (config.searches()) {
            search(simulation(body), context);
            return;
        }
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
                throw report(r, sim.shrink(r), i + 1, single.why(), context);
            }
            ranRemembered |= plan.remembered() != null && single.seed() == plan.remembered();
        }
        if (position >= plan.singles().size()) {
            RunResult r = sim.run(plan.sweepSeed(position - plan.singles().size()));
            if (r.failed()) {
                throw report(r, sim.shrink(r), position + 1, "", context);
            }
        } else if (position < 0 && plan.sweepCount() > 0) {
            long started = System.nanoTime();
            Simulation seeded = sim.seeds(plan.sweepBase(), plan.sweepCount());
            if (config.progress() != null) {
                seeded = seeded.onRun(new SweepProgress(config.test(), plan.sweepCount(), config.progress(),
                        System::nanoTime, line -> context.publishReportEntry("simloop.progress", line)));
            }
            SweepResult sweep = seeded.sweep();
            RunResult r = sweep.firstFailure().orElse(null);
            if (r != null) {
                RunResult shrunk = sweep.shrunk().orElse(r);
                throw report(r, shrunk, plan.singles().size() + sweep.runs(), "", context);
            }
            if (config.seeds() > 1) {
                summarize(sweep, System.nanoTime() - started, context);
            }
        }
        if (ranRemembered) {
            outputs.forgetFailure();
        }
    }

    /**
     * What a passing sweep ran, in one line (report entry {@code simloop.summary} and the log), so that a user sees
     * that {@code -Dsimloop.seeds} took effect and which policy ran; and its warnings (a sweep that explored nothing)
     * as report entries and on the log, where a Maven user sees them.
     */
    private void summarize(SweepResult sweep, long nanos, ExtensionContext context) {
        int runs = plan.singles().size() + sweep.runs();
        String line = String.format(Locale.ROOT, "%s passed %,d %s under %s%s, %s", config.test(), runs,
                runs == 1 ? "run" : "runs", config.policyName(), plan.shard(), SweepProgress.rate(sweep.runs(), nanos));
        context.publishReportEntry("simloop.summary", line);
        SweepProgress.LOG.info("simloop: " + line);
        for (String w : sweep.warnings()) {
            context.publishReportEntry("simloop.warning", w);
            SweepProgress.LOG.warning("simloop: " + config.test() + ": " + w);
        }
    }

    /**
     * Runs the one schedule given, or the systematic search: a failure fails the test with the schedule's replay line;
     * a search that passes publishes its guarantee (or says it is none) as the report entry {@code simloop.explore}.
     */
    private void search(Simulation sim, ExtensionContext context) {
        if (config.schedule() != null) {
            RunResult r = sim.replay(Decisions.parse(config.schedule()));
            if (r.failed()) {
                throw scheduleReport(r, r, "the schedule given", context);
            }
            return;
        }
        ExploreResult e = sim.explore(config.explore());
        if (e.failed()) {
            RunResult failure = e.failure().orElseThrow();
            throw scheduleReport(failure, e.shrunk().orElse(failure), String.format(Locale.ROOT,
                    "schedule %,d of the search with at most %d %s", e.schedules(), config.explore(),
                    config.explore() == 1 ? "delay" : "delays"), context);
        }
        context.publishReportEntry("simloop.explore", e.report());
    }

    private AssertionError scheduleReport(RunResult failed, RunResult shrunk, String which,
            ExtensionContext context) {
        Outputs.Written files = null;
        if (shrunk.trace() != null) {
            files = outputs.writeTrace(shrunk, shrunk);
            String traceFile = files.text().toString();
            context.publishReportEntry("simloop.trace", traceFile);
            context.publishReportEntry("simloop.timeline", traceFile.replaceFirst("\\.txt$", ".html"));
        }
        return FailureReport.ofSchedule(config, failed, shrunk, which, files).toError();
    }

    private Simulation simulation(SeedBody body) {
        EventLoop.Builder loop = EventLoop.builder().name(body.name()).trace(config.trace())
                .traceCapacity(config.traceCapacity()).maxSteps(config.maxSteps());
        if (config.maxVirtualTime() != null) {
            loop = loop.maxVirtualTime(config.maxVirtualTime());
        }
        Simulation sim = (config.drivesLoop() ? Simulation.ofLoop(body::drive) : Simulation.of(body))
                .threads(config.threads()).checkDeterminism(config.checkDeterminism())
                .loop(loop);
        return sim.policy(resolvedPolicy(sim));
    }

    private synchronized Policy resolvedPolicy(Simulation sim) {
        if (config.searches()) {
            return config.policy(); // only its scope counts: a search and a schedule pick their own orders
        }
        if (policy == null) {
            policy = sim.policy(config.policy()).resolvedPolicy();
        }
        return policy;
    }

    private AssertionError report(RunResult failed, RunResult shrunk, int number, String why,
            ExtensionContext context) {
        outputs.rememberFailure(failed.seed());
        Outputs.Written files = null;
        if (failed.trace() != null) {
            files = outputs.writeTrace(failed, shrunk);
            String traceFile = files.text().toString();
            context.publishReportEntry("simloop.trace", traceFile);
            context.publishReportEntry("simloop.chromeTrace", traceFile.replaceFirst("\\.txt$", ".json"));
            context.publishReportEntry("simloop.timeline", traceFile.replaceFirst("\\.txt$", ".html"));
        }
        if (files != null && files.shrunk() != null) {
            context.publishReportEntry("simloop.shrunkTrace", files.shrunk().toString());
        }
        return new FailureReport(config, plan, failed, shrunk, number, why, files).toError();
    }
}
