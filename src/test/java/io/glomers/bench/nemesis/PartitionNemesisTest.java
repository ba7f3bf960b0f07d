package io.glomers.bench.nemesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.history.HistoryRecorder;
import io.glomers.bench.history.Op;
import io.glomers.bench.net.Partitions;
import io.glomers.bench.sched.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The partition nemesis's schedule on manual time: which partition when, and the heal at the end. */
class PartitionNemesisTest {

    private static final List<String> IDS = List.of("n0", "n1", "n2", "n3", "n4");
    private static final Duration INTERVAL = Duration.ofSeconds(2);

    private final VirtualTime scheduler = new VirtualTime();
    private final HistoryRecorder history = new HistoryRecorder(scheduler);
    private final Partitions partitions = new Partitions();

    @Test
    void startAndStopAlternateAtStaggeredTimesDrawnInAFixedOrder() {
        Random random = new Random(11);
        PartitionNemesis nemesis = new PartitionNemesis(scheduler, random, partitions, new Grudges(random), history,
                IDS, INTERVAL);
        nemesis.start();
        scheduler.advance(Duration.ofSeconds(30));

        // The same draws by hand: a start picks its shape, then its grudge, and holds TAKES_EFFECT later;
        // every step then draws the time to the next, counted from its own start (at least until it is done).
        Random expected = new Random(11);
        Grudges expectedGrudges = new Grudges(expected);
        List<String> expectedOps = new ArrayList<>();
        long takes = PartitionNemesis.TAKES_EFFECT.toNanos();
        long time = 0;
        for (boolean start = true; time <= Duration.ofSeconds(30).toNanos(); start = !start) {
            long done = time;
            if (start) {
                Grudges.Spec spec = expectedGrudges.pick();
                Map<String, Set<String>> grudge = expectedGrudges.grudge(spec, IDS);
                done = time + takes;
                expectedOps.add(time + " start-partition :" + spec.keyword());
                expectedOps.add(done + " start-partition [:isolated " + PartitionNemesis.edn(grudge) + "]");
            } else {
                expectedOps.add(time + " stop-partition null");
                expectedOps.add(time + " stop-partition :network-healed");
            }
            time = Math.max(done, time + (long) (expected.nextDouble() * 2 * INTERVAL.toNanos()));
        }
        assertThat(expectedOps).hasSizeGreaterThan(8);
        assertThat(nemesisOps(true)).containsExactlyElementsOf(expectedOps);
        assertThat(random.nextLong()).as("no draw more or less than by hand").isEqualTo(expected.nextLong());
    }

    @Test
    void stopHealsAndRecordsStopPartitionEvenWhenNoPartitionHolds() {
        Random random = new Random(5);
        PartitionNemesis nemesis = new PartitionNemesis(scheduler, random, partitions, new Grudges(random), history,
                IDS, INTERVAL);
        nemesis.start();
        scheduler.runPending();
        assertThat(partitions.current()).as("not yet: a partition takes a moment to set up").isEmpty();
        scheduler.advance(PartitionNemesis.TAKES_EFFECT);
        assertThat(partitions.current()).isNotEmpty();

        assertThat(nemesis.stop()).isDone();
        assertThat(partitions.current()).isEmpty();
        assertThat(nemesisOps(false)).endsWith("stop-partition null", "stop-partition :network-healed");

        // Healed already: Maelstrom's final generator still issues its stop-partition.
        nemesis.stop();
        int opsAtStop = history.size();
        assertThat(nemesisOps(false)).hasSize(6).endsWith("stop-partition null", "stop-partition :network-healed");
        scheduler.advance(Duration.ofSeconds(60));
        assertThat(history.size()).as("nothing after stop").isEqualTo(opsAtStop);
    }

    @Test
    void aStopWhileAPartitionIsBeingSetUpHealsOnceItHolds() {
        Random random = new Random(5);
        PartitionNemesis nemesis = new PartitionNemesis(scheduler, random, partitions, new Grudges(random), history,
                IDS, INTERVAL);
        nemesis.start();
        scheduler.runPending();

        var stopped = nemesis.stop();
        assertThat(stopped).isNotDone();
        scheduler.advance(PartitionNemesis.TAKES_EFFECT);
        assertThat(stopped).isDone();
        assertThat(partitions.current()).isEmpty();
        assertThat(nemesisOps(false)).hasSize(4).endsWith("stop-partition null", "stop-partition :network-healed");
    }

    private List<String> nemesisOps(boolean withTime) {
        List<String> ops = new ArrayList<>();
        history.flush();
        history.ops().forEach(op -> {
            if (op.process() == Op.NEMESIS) {
                ops.add((withTime ? op.time() + " " : "") + op.f() + " " + op.value());
            }
        });
        return ops;
    }
}
