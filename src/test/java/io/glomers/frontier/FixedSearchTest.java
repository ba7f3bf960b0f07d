package io.glomers.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FixedSearchTest {

    /**
     * A network where batching behaves as the sweeps have measured: latency grows with the linger and
     * the interval, messages fall with both. Settings are recognised by their properties.
     */
    private static final class ModelNetwork implements Function<Setting, Trial> {
        final List<Setting> ran = new ArrayList<>();

        @Override
        public Trial apply(Setting setting) {
            ran.add(setting);
            long interval = millis(setting, "broadcast.relay.min-interval=");
            long linger = millis(setting, "broadcast.origin.linger=");
            boolean star = setting.properties().contains("broadcast.strategy=star");
            long batched = (star ? interval : 0) + linger;
            long hops = star ? 200 : 100;
            double messages = (star ? 8.0 : 10.0) / ((1 + (star ? interval : 0) / 100.0) * (1 + linger / 100.0));
            return Trial.ran(setting, new Figures(messages, hops + batched / 2, hops + batched, true, 1));
        }

        private static long millis(Setting setting, String prefix) {
            return setting.properties().stream().filter(property -> property.startsWith(prefix))
                    .map(property -> Long.parseLong(property.substring(prefix.length()).replace("ms", "")))
                    .findFirst().orElse(0L);
        }
    }

    @Test
    void theStaircaseFindsTheExhaustiveBestWithFewerRuns() {
        Objective objective = Objective.DEFAULT;
        ModelNetwork staircase = new ModelNetwork();
        ModelNetwork everything = new ModelNetwork();

        Trial found = FixedSearch.best(new FixedSearch(objective, staircase, false).run(), objective).orElseThrow();
        Trial truth = FixedSearch.best(new FixedSearch(objective, everything, true).run(), objective).orElseThrow();

        // A star's max is 200 + interval + linger (< 600), its median 200 + half that (< 400): of the
        // stars that meet both, 150/200 has the fewest messages (8 / (2.5 x 3)), fewer than direct's 2.5.
        assertThat(truth.setting().label()).isEqualTo("star 150/200 ms");
        assertThat(found.setting()).isEqualTo(truth.setting());
        assertThat(everything.ran).hasSize(3 + 10 * 3);
        assertThat(staircase.ran).hasSize(12);
    }

    @Test
    void eachRowStartsBelowWhatMissedInTheRowsBeforeAndStopsAtItsFirstMeet() {
        ModelNetwork network = new ModelNetwork();

        new FixedSearch(Objective.DEFAULT, network, false).run();

        // Row 0: 1300-600 batch for the whole maximum (not run), 400 misses (max 600), 250 meets.
        // Row 200: from 250 (400 missed above), which misses; 150 meets. Row 400: from 150, all miss.
        assertThat(network.ran).map(Setting::label).containsExactly(
                "direct", "direct linger 100 ms", "direct linger 300 ms",
                "star 400 ms", "star 250 ms",
                "star 250/200 ms", "star 150/200 ms",
                "star 150/400 ms", "star 90/400 ms", "star 60/400 ms", "star 30/400 ms", "star 0/400 ms");
    }

    @Test
    void aRowThatMissesEverywhereEndsTheFamily() {
        // 250 ms of hops alone: no star meets a 400 ms maximum, so only the first row is tried.
        Objective tight = new Objective(100, 400);
        List<Setting> ran = new ArrayList<>();
        Function<Setting, Trial> slow = setting -> {
            ran.add(setting);
            return Trial.ran(setting, new Figures(1, 250, 450, true, 1));
        };

        List<Trial> trials = new FixedSearch(tight, slow, false).run();

        assertThat(FixedSearch.best(trials, tight)).isEmpty();
        assertThat(ran).map(Setting::label).containsExactly("direct", "star 250 ms", "star 150 ms", "star 90 ms",
                "star 60 ms", "star 30 ms", "star 0 ms");
    }

    @Test
    void theBestIsTheCheapestRunThatIsValidAndUnderBothBounds() {
        Objective objective = Objective.DEFAULT;
        List<Trial> trials = List.of(
                Trial.ran(Setting.star(90, 0), new Figures(3.3, 150, 200, true, 1)),
                Trial.ran(Setting.star(250, 0), new Figures(1.5, 140, 350, true, 1)),
                Trial.ran(Setting.star(400, 0), new Figures(1.1, 260, 600, true, 1)),   // max not below 600
                Trial.ran(Setting.star(400, 200), new Figures(0.9, 400, 500, true, 1)), // median not below 400
                Trial.ran(Setting.star(150, 0), new Figures(1.0, 100, 200, false, 1)),  // invalid
                Trial.failed(Setting.adaptive(objective), "no such strategy"));

        assertThat(FixedSearch.best(trials, objective)).map(Trial::setting).contains(Setting.star(250, 0));
        assertThat(FixedSearch.best(trials.subList(2, 6), objective)).isEmpty();
    }
}
