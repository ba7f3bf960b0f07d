package io.glomers.bench.nemesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.history.HistoryRecorder;
import io.glomers.bench.history.Op;
import io.glomers.bench.nodes.BenchNode;
import io.glomers.bench.sched.VirtualTime;
import io.glomers.bench.workload.SetupFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The kill and pause nemeses' schedules on manual time: what happens to which node when. */
class ProcessNemesesTest {

    private static final List<String> IDS = List.of("n0", "n1", "n2", "n3", "n4");
    private static final Duration INTERVAL = Duration.ofSeconds(2);

    private final VirtualTime scheduler = new VirtualTime();
    private final HistoryRecorder history = new HistoryRecorder(scheduler);
    private final List<String> events = new ArrayList<>();
    private final Map<String, BenchNode> nodes = new LinkedHashMap<>();
    /** Inits the nemesis asked for and not yet answered, by the test. */
    private final List<CompletableFuture<Void>> inits = new ArrayList<>();
    private final List<List<String>> initialised = new ArrayList<>();

    ProcessNemesesTest() {
        IDS.forEach(id -> nodes.put(id, new Recording(id)));
    }

    @Test
    void pauseAlternatesWithResumeOfTheSameNodesAndStopResumesThem() {
        PauseNemesis nemesis = new PauseNemesis(scheduler, new Random(7), history, nodes, IDS, id -> false, INTERVAL);
        nemesis.start();
        scheduler.advance(Duration.ofSeconds(30));

        assertThat(events).isNotEmpty();
        Set<String> paused = new HashSet<>();
        for (String event : events) {
            String[] parts = event.split(" ");
            if (parts[1].equals("pause")) {
                assertThat(paused).as("a node is paused once at a time").doesNotContain(parts[0]);
                paused.add(parts[0]);
            } else {
                assertThat(parts[1]).isEqualTo("resume");
                assertThat(paused.remove(parts[0])).as("only paused nodes are resumed: " + event).isTrue();
            }
        }
        assertThat(nemesis.stop()).isCompleted();
        assertThat(stillPaused()).isEmpty();
        int eventsAtStop = events.size();
        scheduler.advance(Duration.ofSeconds(30));
        assertThat(events).as("nothing after stop").hasSize(eventsAtStop);
    }

    @Test
    void targetsAreOneNodeOrAMinority() {
        NodeTargets targets = new NodeTargets(new Random(1), IDS);
        Set<Integer> sizes = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            sizes.add(targets.pick(id -> true).nodes().size());
        }
        assertThat(sizes).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void killRestartsThroughInitAndWaitsForInitOkBeforeItsNextStep() {
        KillNemesis nemesis = new KillNemesis(scheduler, new Random(3), history, nodes, IDS, this::initAgain, INTERVAL);
        nemesis.start();
        scheduler.advance(Duration.ofSeconds(60));

        // The first start is waiting for init_ok: no further step, however long we wait.
        assertThat(inits).hasSize(1);
        List<String> killed = initialised.get(0);
        assertThat(events).containsExactlyElementsOf(concat(each(killed, "kill"), each(killed, "restart")));
        assertThat(killed).allMatch(nemesis::isDown);
        assertThat(nemesisOps()).containsExactly("kill " + NodeTargets.edn(killed),
                "kill " + NodeTargets.edn(killed, "killed"), "start " + NodeTargets.edn(killed));

        inits.get(0).complete(null);
        assertThat(killed).noneMatch(nemesis::isDown);
        assertThat(nemesisOps()).last().isEqualTo("start " + NodeTargets.edn(killed, "started"));
        scheduler.advance(Duration.ofSeconds(60));
        assertThat(inits).as("the schedule went on after init_ok").hasSizeGreaterThan(1);
    }

    @Test
    void stopRestartsKilledNodesAndCompletesOnlyOnceTheyAnsweredInit() {
        KillNemesis nemesis = new KillNemesis(scheduler, new Random(3), history, nodes, IDS, this::initAgain, INTERVAL);
        nemesis.start();
        while (events.isEmpty()) {
            scheduler.advance(Duration.ofMillis(100));
        }
        List<String> killed = events.stream().map(event -> event.split(" ")[0]).toList();

        CompletableFuture<Void> stopped = nemesis.stop();

        assertThat(events).containsExactlyElementsOf(concat(each(killed, "kill"), each(killed, "restart")));
        assertThat(stopped).isNotDone();
        inits.get(0).complete(null);
        assertThat(stopped).isCompleted();
        scheduler.advance(Duration.ofSeconds(60));
        assertThat(inits).as("no kill after stop").hasSize(1);
    }

    @Test
    void aLateInitAfterARestartFailsTheStop() {
        KillNemesis nemesis = new KillNemesis(scheduler, new Random(3), history, nodes, IDS, this::initAgain, INTERVAL);
        nemesis.start();
        while (events.isEmpty()) {
            scheduler.advance(Duration.ofMillis(100));
        }
        CompletableFuture<Void> stopped = nemesis.stop();
        inits.get(0).completeExceptionally(new SetupFailure("n1 did not answer init within 10000 ms"));

        assertThat(stopped).isCompletedExceptionally();
    }

    @Test
    void pauseSparesNodesThatAreDownOrRestarting() {
        Set<String> down = Set.of("n0", "n1", "n2", "n3");
        PauseNemesis nemesis = new PauseNemesis(scheduler, new Random(7), history, nodes, IDS, down::contains, INTERVAL);
        nemesis.start();
        scheduler.advance(Duration.ofSeconds(60));
        nemesis.stop();

        assertThat(events).isNotEmpty().allMatch(event -> event.startsWith("n4 "));
    }

    private CompletableFuture<Void> initAgain(List<String> restarted) {
        CompletableFuture<Void> init = new CompletableFuture<>();
        inits.add(init);
        initialised.add(restarted);
        return init;
    }

    private Set<String> stillPaused() {
        Set<String> paused = new HashSet<>();
        events.forEach(event -> {
            String[] parts = event.split(" ");
            if (parts[1].equals("pause")) {
                paused.add(parts[0]);
            } else {
                paused.remove(parts[0]);
            }
        });
        return paused;
    }

    private List<String> nemesisOps() {
        return history.ops().stream().filter(op -> op.process() == Op.NEMESIS).map(op -> op.f() + " " + op.value()).toList();
    }

    private static List<String> each(List<String> ids, String action) {
        return ids.stream().map(id -> id + " " + action).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** A node that only notes what was done to it. */
    private final class Recording implements BenchNode {
        private final String id;

        Recording(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public void start(Consumer<String> output) {
        }

        @Override
        public void deliver(String line) {
        }

        @Override
        public boolean supportsProcessFaults() {
            return true;
        }

        @Override
        public void kill() {
            events.add(id + " kill");
        }

        @Override
        public void restart() {
            events.add(id + " restart");
        }

        @Override
        public void pause() {
            events.add(id + " pause");
        }

        @Override
        public void resume() {
            events.add(id + " resume");
        }

        @Override
        public void close() {
        }
    }
}
