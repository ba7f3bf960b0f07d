package io.glomers.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** "Not armed" has one owner: a deadline that is not armed is never due and has no moment. */
class DeadlineTest {

    @Test
    void aDeadlineNotArmedIsNeverDueAndHasNoMoment() {
        Deadline deadline = new Deadline();

        assertThat(deadline.isArmed()).isFalse();
        assertThat(deadline.isDue(Long.MAX_VALUE)).isFalse();
        assertThatThrownBy(deadline::at).isInstanceOf(AssertionError.class).hasMessageContaining("not armed");
    }

    @Test
    void anArmedDeadlineIsDueFromItsMomentOn() {
        Deadline deadline = new Deadline();
        deadline.arm(100);

        assertThat(deadline.isDue(99)).isFalse();
        assertThat(deadline.isDue(100)).isTrue();
        deadline.disarm();
        assertThat(deadline.isDue(1_000)).isFalse();
    }

    @Test
    void anEarlierPromiseStandsAndTheEarlierOfTwoWins() {
        Deadline deadline = new Deadline();
        deadline.armUnlessArmed(100);
        deadline.armUnlessArmed(50);
        assertThat(deadline.at()).isEqualTo(100);

        Deadline sooner = new Deadline();
        sooner.arm(40);
        deadline.armEarlier(sooner);
        assertThat(deadline.at()).isEqualTo(40);
        deadline.armEarlier(new Deadline());
        assertThat(deadline.at()).as("a deadline not armed is no sooner").isEqualTo(40);
        assertThat(deadline.sameAs(sooner)).isTrue();
        assertThat(new Deadline().sameAs(new Deadline())).isTrue();
        assertThat(new Deadline().sameAs(sooner)).isFalse();
    }

    @Test
    void aBackoffWithNothingAwaitingConfirmationIsNeverDue() {
        Backoff backoff = new Backoff(Duration.ofMillis(1_000), Duration.ofMillis(3_000));
        assertThat(backoff.isDue(Long.MAX_VALUE)).isFalse();

        backoff.sent(0, false);
        assertThat(backoff.isDue(999)).isFalse();
        assertThat(backoff.isDue(1_000)).isTrue();
        backoff.clear();
        assertThat(backoff.isDue(5_000)).isFalse();
        assertThatThrownBy(backoff::dueAt).isInstanceOf(AssertionError.class);
    }
}
