package io.glomers.frontier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongBinaryOperator;

/**
 * The batching sweep of one cell: the fixed settings ({@code direct} with a few origin lingers,
 * {@code star} with a grid of hub intervals times origin lingers) searched for the one with the
 * fewest messages that meets the objective.
 *
 * <p>A whole grid costs ~35 runs per cell, so by default the search walks a staircase, on two
 * monotonic trends every sweep so far has shown: latency grows with batching (a longer hub interval
 * or origin linger), messages fall with it. So within one linger the intervals are tried from the
 * longest down and the first that meets ends the row (shorter ones only cost more messages), and an
 * interval that missed with one linger is not tried with a longer one (it would miss too). Settings
 * whose interval and linger add up to the objective's maximum are not run at all: a value that
 * arrives just after a batch left waits that long, and at the grid's rates (5 new values a second
 * or more, against intervals of 600 ms and up) some value always does. {@code exhaustive} runs
 * every setting.
 */
final class FixedSearch {

    /** A family of settings: rows of origin lingers, each a row of batching intervals, both ascending. */
    record Family(List<Long> lingers, List<Long> intervals, LongBinaryOperator batchedMillis,
                  SettingMaker maker) {
    }

    /** Builds the setting of one linger and one interval. */
    interface SettingMaker {
        Setting make(long lingerMillis, long intervalMillis);
    }

    static final List<Long> HUB_INTERVALS = List.of(0L, 30L, 60L, 90L, 150L, 250L, 400L, 600L, 900L, 1300L);
    static final List<Long> STAR_LINGERS = List.of(0L, 200L, 400L);
    static final List<Long> DIRECT_LINGERS = List.of(0L, 100L, 300L);

    /** Direct has no interval: one column, so a missed linger rules out the longer ones. */
    static final Family DIRECT = new Family(DIRECT_LINGERS, List.of(0L), (linger, interval) -> linger,
            (linger, interval) -> Setting.direct(linger));
    static final Family STAR = new Family(STAR_LINGERS, HUB_INTERVALS, Long::sum,
            (linger, interval) -> Setting.star(interval, linger));

    private final Objective objective;
    private final Function<Setting, Trial> runner;
    private final boolean exhaustive;

    FixedSearch(Objective objective, Function<Setting, Trial> runner, boolean exhaustive) {
        this.objective = objective;
        this.runner = runner;
        this.exhaustive = exhaustive;
    }

    /** Every trial the search ran, in the order it ran them. */
    List<Trial> run() {
        List<Trial> trials = new ArrayList<>();
        trials.addAll(search(DIRECT));
        trials.addAll(search(STAR));
        return trials;
    }

    private List<Trial> search(Family family) {
        List<Trial> trials = new ArrayList<>();
        // Intervals at or above this one missed with a shorter linger, so they miss with this one too.
        int firstMissed = family.intervals().size();
        for (long linger : family.lingers()) {
            int rowMissed = firstMissed;
            for (int column = firstMissed - 1; column >= 0; column--) {
                long interval = family.intervals().get(column);
                if (!exhaustive && family.batchedMillis().applyAsLong(linger, interval) >= objective.maxMillis()) {
                    rowMissed = column;
                    continue;
                }
                Trial trial = runner.apply(family.maker().make(linger, interval));
                trials.add(trial);
                if (trial.meets(objective)) {
                    if (!exhaustive) {
                        break;
                    }
                } else {
                    rowMissed = column;
                }
            }
            firstMissed = exhaustive ? family.intervals().size() : Math.min(firstMissed, rowMissed);
        }
        return trials;
    }

    /** The trial with the fewest servers msgs-per-op among those that meet the objective. */
    static Optional<Trial> best(List<Trial> trials, Objective objective) {
        return trials.stream().filter(trial -> trial.meets(objective))
                .min(Comparator.comparingDouble(trial -> trial.figures().msgsPerOp()));
    }
}
