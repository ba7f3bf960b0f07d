package io.glomers.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.run.BenchRunner;
import io.glomers.bench.sim.SimResult;
import io.glomers.bench.sim.SimRun;
import io.glomers.bench.view.MessageLogEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The adaptive default where the network or the load changes in the middle of a run (the simulator's
 * {@code --latency-at} and {@code --rate-at}; Maelstrom keeps both as given): how soon its plan follows,
 * that it does not flap, and that nothing is lost across the changes. The plan in force is read off the
 * hub's gossip in the run's message log, on the run's virtual clock. The planner looks every 2 s
 * ({@code broadcast.objective.replan-interval}); a plan more than twice as costly waits for a second look.
 */
class AdaptiveReactionTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @TempDir
    Path store;

    /** The plan the hub's gossip carried from {@code atMillis} (since the workload's start) on. */
    record PlanFrom(long atMillis, int seq, String shape) {
    }

    @Test
    void aSpellOfSlowHopsIsMetWithinTwoLooksAndItsEndWithinOne() throws IOException {
        // 100 ms hops: a star. 300 ms hops: two of them and a batch pass 600 ms, so values must go direct.
        SimResult run = simulate(1, "3d", "--latency-at", "8=300", "--latency-at", "14=100");

        assertThat(run.valid()).as("valid: %s", run.bench().reasons()).isTrue();
        assertThat(run.bench().outcome().lost()).isEmpty();
        List<PlanFrom> plans = hubPlans(run);
        assertThat(inForceAt(plans, 7_900).shape()).isEqualTo("STAR");
        assertThat(inForceAt(plans, 8_000 + 2 * 2_000 + 1_000).shape()).as("%s", plans).isIn("DIRECT", "BOTH");
        assertThat(inForceAt(plans, 14_000 + 2_000 + 1_000).shape()).as("%s", plans).isEqualTo("STAR");
        // The start, the first plan, one change for the spell and one for its end.
        assertThat(plans).as("%s", plans).hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void aFivefoldRateIsFollowedByOnePlanNotByFlapping() throws IOException {
        SimResult run = simulate(2, "3d", "--rate-at", "8=500");

        assertThat(run.valid()).as("valid: %s", run.bench().reasons()).isTrue();
        assertThat(run.bench().outcome().lost()).isEmpty();
        List<PlanFrom> plans = hubPlans(run);
        List<PlanFrom> after = plans.stream().filter(plan -> plan.atMillis() > 8_000).toList();
        assertThat(after).as("%s", plans).hasSizeLessThanOrEqualTo(2);
        assertThat(run.bench().outcome().stableLatencies().get(1.0)).as("the run's maximum").isLessThan(600L);
    }

    private SimResult simulate(long seed, String... args) throws IOException {
        return simulate(store, seed, args);
    }

    /** A simulated run of the adaptive default, kept in {@code store} with its message log. */
    static SimResult simulate(Path store, long seed, String... args) throws IOException {
        List<String> withStore = new ArrayList<>(List.of(args));
        withStore.addAll(List.of("--store", store.toString(), "--store-runs", "all"));
        return SimRun.simulate(withStore, seed, "", List.of(), BenchRunner.defaultChecker(), true);
    }

    static List<PlanFrom> hubPlans(SimResult run) throws IOException {
        List<PlanFrom> plans = new ArrayList<>();
        long start = 0;
        try (Stream<String> lines = Files.lines(run.bench().dir().resolve("messages.log"))) {
            for (MessageLogEvent event : (Iterable<MessageLogEvent>) lines.map(MessageLogEvent::parse)::iterator) {
                if (event.kind() == MessageLogEvent.Kind.NOTE && event.line().startsWith("the workload starts")) {
                    start = event.nanos();
                }
                JsonNode plan = event.kind() == MessageLogEvent.Kind.SEND && event.src().equals("n0")
                        ? MAPPER.readTree(event.line()).path("body").path("plan") : null;
                if (plan != null && !plan.isMissingNode()
                        && (plans.isEmpty() || plans.get(plans.size() - 1).seq() != plan.get("seq").asInt())) {
                    plans.add(new PlanFrom(Math.max(0, (event.nanos() - start) / 1_000_000), plan.get("seq").asInt(),
                            plan.get("shape").asString()));
                }
            }
        }
        return plans;
    }

    private static PlanFrom inForceAt(List<PlanFrom> plans, long atMillis) {
        return plans.stream().filter(plan -> plan.atMillis() <= atMillis).reduce((first, second) -> second).orElseThrow();
    }
}
