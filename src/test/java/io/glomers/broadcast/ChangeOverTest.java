package io.glomers.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The hub's interval while origins change over to a plan that counts on them sending more. */
class ChangeOverTest {

    private static final Plan STAR = new Plan(1, Plan.Shape.STAR, 0, 250);
    private static final Plan TWICE = new Plan(2, Plan.Shape.STAR_TWICE, 0, 380);

    @Test
    void aLongerIntervalThatCountsOnASecondCopyWaitsUntilOriginsCanHaveSentByIt() {
        ChangeOver changeOver = new ChangeOver();
        changeOver.changed(STAR, TWICE, 1_000, 200);
        // The previous interval, two slow hops and the linger: 250 + 2 x 200 + 0.
        assertThat(changeOver.interval(TWICE, 1_000)).isEqualTo(250);
        assertThat(changeOver.interval(TWICE, 1_649)).isEqualTo(250);
        assertThat(changeOver.interval(TWICE, 1_650)).isEqualTo(380);
    }

    @Test
    void aChangeOriginsNeedNotFollowTakesEffectAtOnce() {
        ChangeOver longerStar = new ChangeOver();
        longerStar.changed(STAR, new Plan(2, Plan.Shape.STAR, 0, 400), 1_000, 200);
        assertThat(longerStar.interval(new Plan(2, Plan.Shape.STAR, 0, 400), 1_000)).as("origins send as before").isEqualTo(400);

        ChangeOver fewerCopies = new ChangeOver();
        fewerCopies.changed(TWICE, new Plan(3, Plan.Shape.STAR, 0, 500), 1_000, 200);
        assertThat(fewerCopies.interval(new Plan(3, Plan.Shape.STAR, 0, 500), 1_000)).as("two copies only arrive sooner").isEqualTo(500);

        ChangeOver shorter = new ChangeOver();
        shorter.changed(STAR, new Plan(2, Plan.Shape.STAR_TWICE, 0, 200), 1_000, 200);
        assertThat(shorter.interval(new Plan(2, Plan.Shape.STAR_TWICE, 0, 200), 1_000)).isEqualTo(200);

        ChangeOver fromDirect = new ChangeOver();
        fromDirect.changed(new Plan(1, Plan.Shape.DIRECT, 50, 0), TWICE, 1_000, 200);
        assertThat(fromDirect.interval(TWICE, 1_000)).as("the hub batched nothing before").isEqualTo(380);
    }

    @Test
    void aChangeToSendingByBothPathsWaitsToo() {
        ChangeOver changeOver = new ChangeOver();
        Plan both = new Plan(2, Plan.Shape.BOTH, 30, 300);
        changeOver.changed(STAR, both, 0, 100);
        assertThat(changeOver.interval(both, 479)).isEqualTo(250);
        assertThat(changeOver.interval(both, 480)).isEqualTo(300);
    }
}
