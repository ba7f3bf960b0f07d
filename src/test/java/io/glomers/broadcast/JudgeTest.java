package io.glomers.broadcast;

import static io.glomers.broadcast.Delays.constant;
import static io.glomers.broadcast.Delays.exponential;
import static io.glomers.broadcast.Delays.uniform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.glomers.testing.ShippedConfig;
import org.junit.jupiter.api.Test;

/** How the judge puts a run's maximum: where the quantile it stands at is, and how far past it a run may go. */
class JudgeTest {

    private static final BroadcastProperties.Objective OBJECTIVE = ShippedConfig.broadcast().objective();
    private static final Plan STAR_TWICE = new Plan(0, Plan.Shape.STAR_TWICE, 0, 345);

    @Test
    void aRunOfAHundredValuesMayPassItsUsualMaximumByTheGumbelLawsNineInTenAndOneOfAThousandByNothingTheSampleShows() {
        // 20 s at 4.8 values a second: 96 values, whose largest passes the 1-in-97 quantile by 2.25 scales one run in ten.
        assertThat(Judge.sampledExceedance(OBJECTIVE, 4.8)).isCloseTo(-Math.log(-Math.log(0.9)), within(0.05));
        // At 3d's 50 values a second the usual maximum is the sample's largest already: past it is the margin's.
        assertThat(Judge.sampledExceedance(OBJECTIVE, 50)).isZero();
        assertThat(Judge.sampledExceedance(OBJECTIVE, 25)).isStrictlyBetween(0.0, Judge.sampledExceedance(OBJECTIVE, 4.8));
    }

    @Test
    void onFewReadsOverLongBoundedHopsAPlansMaximumIsPutPastTheUsualOneByWhatItsLatenciesTailAddsToTheDelays() {
        // 10 nodes, hops of 0-400 ms, rate 10: a read a node every three seconds. Most values are read nowhere
        // before they land; the slowest are those a read just missed late in a long flight, and one run's
        // maximum is far from the next's (simulated, a star sent twice predicted at 500 ms ran to 626).
        Conditions sparse = new Conditions(10, 4.8, 0.3, uniform(400, 1));
        Judge judge = Judge.of(OBJECTIVE, new TrafficModel(1), sparse);
        double usual = usualMax(judge, sparse, STAR_TWICE);
        assertThat(judge.predict(STAR_TWICE).max()).isGreaterThan(usual + 20);

        // The same network at 3d's rate: the usual maximum, as before.
        Conditions dense = new Conditions(10, 50, 2.5, uniform(400, 1));
        Judge atThreeD = Judge.of(OBJECTIVE, new TrafficModel(1), dense);
        assertThat(atThreeD.predict(STAR_TWICE).max()).isEqualTo(usualMax(atThreeD, dense, STAR_TWICE));
    }

    @Test
    void whereTheLatenciesTailIsBoundedOrTheDelaysOwnLittleOrNothingIsAdded() {
        // A steady network at rate 10: one hop bounds every latency, and the tail adds a tenth of it at most.
        Conditions steady = new Conditions(10, 4.8, 2, constant(100));
        Judge judge = Judge.of(OBJECTIVE, new TrafficModel(1), steady);
        Plan direct = new Plan(0, Plan.Shape.DIRECT, 0, 0);
        assertThat(judge.predict(direct).max()).isBetween(usualMax(judge, steady, direct), 100.0 + 10);
        // An exponential network at 3d's rate: the margin's (Judge.maxMargin), as before.
        Conditions heavy = new Conditions(10, 50, 2, exponential(50));
        Judge heavyJudge = Judge.of(OBJECTIVE, new TrafficModel(1), heavy);
        assertThat(heavyJudge.predict(direct).max()).isEqualTo(usualMax(heavyJudge, heavy, direct));
    }

    private static double usualMax(Judge judge, Conditions conditions, Plan plan) {
        double[] latencies = judge.model().latencies(plan, TrafficModel.rates(plan, conditions));
        return Judge.quantile(latencies, Judge.maxQuantile(OBJECTIVE, conditions.valuesPerSecond()));
    }
}
