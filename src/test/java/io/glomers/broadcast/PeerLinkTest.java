package io.glomers.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.sched.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules a peer link keeps on its own (issue #14): debt, retransmission backoff, its one timer. */
class PeerLinkTest {

    private static final int CAP = 100;

    private final PeerLink link = new PeerLink("n1", new Backoff(Duration.ofMillis(1000), Duration.ofMillis(3000)));

    @Test
    void inFlightValuesStayOwedUntilConfirmed() {
        link.offer(1, true);
        link.offer(2, true);
        assertThat(link.send(link.due(0), CAP, 0)).containsExactly(1, 2);
        assertThat(link.awaitsConfirmation()).isTrue();
        assertThat(link.hasFresh()).isFalse();

        link.confirm(ValueSet.of(1), 10, -1_000);

        assertThat(link.awaitsConfirmation()).as("2 is still in flight").isTrue();
        assertThat(link.owe(ValueSet.of(1, 2))).as("only 1 left the debt").isEqualTo(ValueSet.of(1));
        assertThat(link.rulesHold()).isTrue();
    }

    @Test
    void backoffDoublesOnRetransmissionUpToTheCeilingAndStartsOverOnProgress() {
        link.offer(1, true);
        link.offer(2, true);
        link.send(link.due(0), CAP, 0);
        assertThat(link.due(999).retransmission()).isFalse();
        List<Long> retransmittedAt = new ArrayList<>();
        long now = 0;
        for (int i = 0; i < 4; i++) {
            while (!link.due(now).retransmission()) {
                now++;
            }
            retransmittedAt.add(now);
            link.send(link.due(now), CAP, now);
        }
        // 1 s, then 2 s, then the 3 s ceiling.
        assertThat(retransmittedAt).containsExactly(1_000L, 3_000L, 6_000L, 9_000L);

        link.confirm(ValueSet.of(1), 9_000, Long.MIN_VALUE);
        assertThat(link.due(11_999).retransmission()).as("the deadline itself stays").isFalse();
        link.send(link.due(12_000), CAP, 12_000);
        assertThat(link.due(13_999).retransmission()).isFalse();
        assertThat(link.due(14_000).retransmission()).as("progress: 1 s doubled once, not the 3 s ceiling").isTrue();
    }

    @Test
    void aConfirmationMovesTheDeadlineToTheOldestSendStillUnconfirmed() {
        sendAt(1, 0);
        sendAt(2, 400);

        link.confirm(ValueSet.of(1), 700, -1_000);

        assertThat(link.due(1_000).retransmission()).as("1 is confirmed; 2 left at 400 ms").isFalse();
        assertThat(link.due(1_399).retransmission()).isFalse();
        assertThat(link.due(1_400).retransmission()).isTrue();
        assertThat(link.send(link.due(1_400), CAP, 1_400)).containsExactly(2);
        assertThat(link.rulesHold()).isTrue();
    }

    @Test
    void aConfirmationDoesNotPostponeAnOverdueRetransmission() {
        sendAt(1, 0);
        sendAt(2, 900);

        link.confirm(ValueSet.of(1), 1_100, -1_000);

        assertThat(link.due(1_100).retransmission()).as("due at 1 s, before the confirmation came").isTrue();
    }

    @Test
    void theDeadlineClearsWhenEverythingIsSettled() {
        link.offer(1, true);
        link.send(link.due(0), CAP, 0);
        link.confirm(ValueSet.of(1), 5, Long.MIN_VALUE);

        assertThat(link.awaitsConfirmation()).isFalse();
        assertThat(link.due(1_000_000).retransmission()).isFalse();
        assertThat(link.rulesHold()).isTrue();
    }

    @Test
    void aSummaryLackingOldValuesPresumesThemLostAndOwesThemAgain() {
        link.offer(1, true);
        link.send(link.due(0), CAP, 0);
        link.offer(2, true);
        link.send(link.due(500), CAP, 500);

        ValueSet lost = link.confirm(new ValueSet(), 900, 200);

        assertThat(lost).as("sent before the horizon").isEqualTo(ValueSet.of(1));
        assertThat(link.due(900).reliable()).as("1 leaves again; 2 may still arrive").isEqualTo(ValueSet.of(1));
    }

    @Test
    void aRestartedPeerForgetsWhatWasInFlight() {
        link.offer(1, true);
        link.send(link.due(0), CAP, 0);

        link.peerRestarted(42);

        assertThat(link.epoch()).isEqualTo(42);
        assertThat(link.awaitsConfirmation()).isFalse();
        assertThat(link.due(0).reliable()).as("still owed, to be sent afresh").isEqualTo(ValueSet.of(1));
    }

    @Test
    void aGreetingAwaitsTheEpochsConfirmation() {
        assertThat(link.greet(CAP, 0)).isEmpty();
        assertThat(link.awaitsConfirmation()).isTrue();
        assertThat(link.due(1_000).retransmission()).isTrue();

        link.greeted();

        assertThat(link.awaitsConfirmation()).isFalse();
    }

    @Test
    void bestEffortValuesLeaveOnceAndTheCapHoldsTheRestBack() {
        for (long value = 0; value < 150; value++) {
            link.offer(value, value % 2 == 0);
        }
        long[] first = link.send(link.due(0), CAP, 0);
        long[] second = link.send(link.due(0), CAP, 0);

        assertThat(first).hasSize(CAP);
        assertThat(second).hasSize(50);
        assertThat(link.hasNews()).isFalse();
        assertThat(link.offer(1, false)).as("queued again: best effort is sent once per offer").isTrue();
        assertThat(link.offer(1, false)).isFalse();
    }

    @Test
    void oneTimerForTheEarliestDeadline() {
        VirtualTime time = new VirtualTime();
        List<Long> fired = new ArrayList<>();
        link.offer(1, true);
        link.send(link.due(0), CAP, 0);
        link.oweAck(300);
        link.rearm(0, delay -> time.schedule(Duration.ofMillis(delay), () -> {
            link.timerFired();
            fired.add(time.currentTimeMillis());
        }));
        link.rearm(0, delay -> {
            throw new AssertionError("a timer already set for that moment stays");
        });

        time.advance(Duration.ofSeconds(5));

        assertThat(fired).containsExactly(300L);
        assertThat(time.pending()).isZero();
        assertThat(link.ackDue(300)).isTrue();
    }

    /** The value leaves reliably, alone, at {@code now}. */
    private void sendAt(long value, long now) {
        link.offer(value, true);
        assertThat(link.send(link.due(now), CAP, now)).containsExactly(value);
    }
}
