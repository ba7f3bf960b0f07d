package io.glomers.bench.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.sched.HostCpu;
import io.glomers.bench.sched.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/** One node's delivery loop, as Maelstrom's stdin thread runs it (maelstrom.md, "Network model"). */
class DeliveryLoopTest {

    private final VirtualTime scheduler = new VirtualTime();
    private final Set<String> cutOffSenders = new HashSet<>();
    private final List<String> events = new ArrayList<>();
    private final DeliveryLoop loop = loop(HostCpu.unlimited(), Duration.ZERO);

    private DeliveryLoop loop(HostCpu cpu, Duration writeCost) {
        return new DeliveryLoop(scheduler, cpu.worker(), writeCost, message -> cutOffSenders.contains(message.src()),
                message -> events.add("drop " + message.line() + " @" + millis()),
                message -> events.add(message.line() + " @" + millis()));
    }

    private String millis() {
        double ms = scheduler.nanoTime() / 1e6;
        return ms == Math.rint(ms) ? Long.toString((long) ms) : Double.toString(ms);
    }

    private static Message message(String src, String line) {
        return new Message(0, src, "n1", JsonNodeFactory.instance.objectNode(), line);
    }

    @Test
    void aClientRequestWaitsOutTheServerMessageTheLoopSleepsOn() {
        loop.offer(message("n0", "gossip"), Duration.ofMillis(100));
        scheduler.advance(Duration.ofMillis(10));
        loop.offer(message("c1", "read"), Duration.ZERO);
        scheduler.advance(Duration.ofMillis(200));

        assertThat(events).containsExactly("gossip @100", "read @100");
    }

    @Test
    void anIdleLoopDeliversAClientRequestAtOnce() {
        loop.offer(message("c1", "read"), Duration.ZERO);
        assertThat(events).containsExactly("read @0");
    }

    @Test
    void aMessageDueEarlierThanTheOneBeingWaitedForAlsoWaits() {
        loop.offer(message("n0", "slow"), Duration.ofMillis(100));
        scheduler.advance(Duration.ofMillis(50));
        loop.offer(message("n2", "quick"), Duration.ofMillis(20));
        scheduler.advance(Duration.ofMillis(200));

        assertThat(events).containsExactly("slow @100", "quick @100");
    }

    @Test
    void queuedMessagesLeaveInDueOrderAndTiesInArrivalOrder() {
        loop.offer(message("n0", "first"), Duration.ofMillis(100));
        loop.offer(message("n2", "later"), Duration.ofMillis(150));
        loop.offer(message("n3", "tie-a"), Duration.ofMillis(120));
        loop.offer(message("n4", "tie-b"), Duration.ofMillis(120));
        scheduler.advance(Duration.ofMillis(200));

        assertThat(events).containsExactly("first @100", "tie-a @120", "tie-b @120", "later @150");
    }

    @Test
    void aPartitionDropsWhatTheLoopTakesWhileItIsOnAndNothingElse() {
        loop.offer(message("n0", "taken-before"), Duration.ofMillis(100));
        loop.offer(message("n0", "queued"), Duration.ofMillis(150));
        scheduler.advance(Duration.ofMillis(50));
        cutOffSenders.add("n0");
        scheduler.advance(Duration.ofMillis(60));
        cutOffSenders.clear();
        scheduler.advance(Duration.ofMillis(100));

        assertThat(events).as("the first was taken before the partition; the second when the loop woke, during it")
                .containsExactly("taken-before @100", "drop queued @100");
    }

    @Test
    void aMessageTakenDuringAPartitionIsDroppedAtOnceThoughItIsNotDueYet() {
        cutOffSenders.add("n0");
        loop.offer(message("n0", "gossip"), Duration.ofMillis(100));
        assertThat(events).containsExactly("drop gossip @0");
    }

    @Test
    void theSleepIsWholeMillisecondsRoundedDown() {
        loop.offer(message("n0", "head"), Duration.ofNanos(10_500_000));
        loop.offer(message("n2", "next"), Duration.ofMillis(100));
        scheduler.advance(Duration.ofMillis(200));

        assertThat(events).as("due 10.5 ms after it was taken, it is written after a 10 ms sleep")
                .containsExactly("head @10", "next @100");
    }

    @Test
    void writingTakesTheLoopsThreadOnASimulatedHost() {
        DeliveryLoop costly = loop(HostCpu.of(scheduler, 2), Duration.ofMillis(2));
        costly.offer(message("c1", "a"), Duration.ZERO);
        costly.offer(message("c2", "b"), Duration.ZERO);
        scheduler.advance(Duration.ofMillis(10));

        assertThat(events).containsExactly("a @2", "b @4");
    }
}
