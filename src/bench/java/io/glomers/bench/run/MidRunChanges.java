package io.glomers.bench.run;

import io.glomers.bench.net.LatencyModel;
import io.glomers.bench.net.MessageLog;
import io.glomers.bench.net.Network;
import io.glomers.bench.sched.Scheduler;
import io.glomers.bench.workload.BroadcastGenerator;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * What changes in the middle of a run, beyond Maelstrom, whose network and load stay as given from the
 * first operation to the last: the servers' mean latency ({@code --latency-at}) and the clients' rate
 * ({@code --rate-at}), each from a moment of the workload on. A node that adapts to its network is to
 * react to a spell of slow hops or a change of load within bounds; these are how a run shows it does.
 *
 * @param latency each moment (since the workload's start) from which the mean latency is its value, in
 *                milliseconds, under the run's distribution
 * @param rate    each moment from which the clients send their value of requests a second
 */
public record MidRunChanges(List<Step> latency, List<Step> rate) {

    public static final MidRunChanges NONE = new MidRunChanges(List.of(), List.of());

    /** From {@code at} into the workload on, the value holds. */
    public record Step(Duration at, double value) {

        public Step {
            if (at.isNegative()) {
                throw new IllegalArgumentException("a change's moment must not be negative, was " + at);
            }
        }
    }

    public MidRunChanges {
        latency = inOrder(latency);
        rate = inOrder(rate);
    }

    /**
     * Makes each change on the run's clock at its moment from now, the workload's start (and says so in the
     * message log); one at or past {@code timeLimit} never comes.
     */
    void scheduleFrom(Scheduler scheduler, Duration timeLimit, LatencyModel.Distribution distribution, Network network,
                      BroadcastGenerator generator, MessageLog journal) {
        for (Step step : latency) {
            LatencyModel model = new LatencyModel(distribution, (long) step.value());
            at(step, timeLimit, scheduler, journal, "the mean latency is now " + model.meanMillis() + " ms", () -> network.latency(model));
        }
        for (Step step : rate) {
            at(step, timeLimit, scheduler, journal, "the clients' rate is now " + step.value() + " a second",
                    () -> generator.rate(step.value()));
        }
    }

    private static void at(Step step, Duration timeLimit, Scheduler scheduler, MessageLog journal, String note, Runnable change) {
        if (step.at().compareTo(timeLimit) < 0) {
            scheduler.schedule(step.at(), () -> {
                journal.note(scheduler.nanoTime(), note);
                change.run();
            });
        }
    }

    private static List<Step> inOrder(List<Step> steps) {
        return steps.stream().sorted(Comparator.comparing(Step::at)).toList();
    }
}
