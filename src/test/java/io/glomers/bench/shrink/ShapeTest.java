package io.glomers.bench.shrink;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.run.BenchOptions;
import io.glomers.bench.nemesis.FaultPlan;
import io.glomers.bench.options.RunArguments;
import io.glomers.bench.sim.Swarm;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run's shape written back as arguments is the same run; every candidate is smaller in one dimension. */
class ShapeTest {

    @Test
    void aShapeWrittenBackAsArgumentsParsesToTheSameRun() {
        for (long seed = 0; seed < 300; seed++) {
            List<String> args = Swarm.draw(seed);
            BenchOptions options = RunArguments.parse(args, seed);

            BenchOptions again = RunArguments.parse(Shape.of(options, args).args(), seed);

            assertThat(again).as("%s", args).isEqualTo(options);
        }
    }

    @Test
    void optionsTheShrinkerDoesNotTouchAreKeptAsGiven() {
        List<String> args = List.of("3c", "--topology", "line", "--rate", "7", "--recovery-wait", "3");
        BenchOptions options = RunArguments.parse(args, 1);

        List<String> written = Shape.of(options, args).args();

        assertThat(written).containsSubsequence("--topology", "line", "--recovery-wait", "3").containsSubsequence("--rate", "7");
        assertThat(RunArguments.parse(written, 1)).isEqualTo(options);
    }

    @Test
    void everyCandidateIsSmallerThanTheRunItCameFrom() {
        List<String> args = List.of("3d", "--faults", "partition@1-6=n0.n1/n2.n3,kill@2-4=n3.n7", "--duplicate-probability", "0.1",
                "--latency-dist", "uniform");
        BenchOptions options = RunArguments.parse(args, 1);
        Shape shape = Shape.of(options, args);

        List<Shape> candidates = Shrinker.candidates(shape, null);

        double[] before = dimensions(shape);
        assertThat(candidates).isNotEmpty().allSatisfy(candidate -> {
            double[] after = dimensions(candidate);
            boolean smallerInOne = false;
            for (int i = 0; i < before.length; i++) {
                assertThat(after[i]).as("dimension %d of %s", i, candidate.args()).isLessThanOrEqualTo(before[i]);
                smallerInOne |= after[i] < before[i];
            }
            assertThat(smallerInOne).as("%s is smaller somewhere", candidate.args()).isTrue();
        });
        assertThat(candidates).extracting(Shape::nodes).contains(1, 2, 3, 4, 5, 12, 18, 24);
        assertThat(candidates).extracting(candidate -> candidate.plan().toString())
                .contains("kill@2-4=n3.n7", "partition@1-6=n0.n1/n2.n3", "partition@1-3.5=n0.n1/n2.n3,kill@2-4=n3.n7",
                        "partition@1-6=n0.n1/n2.n3,kill@2-4=n7", "partition@0.5-5.5=n0.n1/n2.n3,kill@2-4=n3.n7");
        assertThat(candidates).extracting(candidate -> candidate.plan().toString()).as("n7's kill aimed at n2 of 5")
                .contains("partition@1-6=n0.n1/n2.n3,kill@2-4=n2.n3");
        assertThat(FaultPlan.parse("none").isEmpty()).isTrue();
    }

    /** Each dimension the shrinker cuts: a candidate is smaller in one and larger in none. */
    private static double[] dimensions(Shape shape) {
        long faultMillis = shape.plan() == null ? 0 : shape.plan().events().stream()
                .mapToLong(event -> event.durationMillis() * (event.nodes().size() + event.grudge().size())).sum();
        long faultEnds = shape.plan() == null ? 0 : shape.plan().events().stream().mapToLong(event -> event.endMillis()).sum();
        int faultEvents = shape.plan() == null ? shape.nemeses().size() : shape.plan().events().size();
        return new double[] {shape.nodes(), shape.timeLimitMillis(), shape.rate(), faultEvents, faultMillis, faultEnds,
                shape.duplicate(), shape.reorder(), shape.spike(), shape.latencyMillis(), shape.distribution().ordinal()};
    }
}
