package io.glomers.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FidelityTest {

    private static final RunFigures REAL = figures(10.0, 150, 700, 20.0);

    @Test
    void aPredictionWithinEveryToleranceMissesNothing() {
        // 9 % fewer messages, 14 % on the median, 19 % on the maximum, client median 4 ms off (under 5 ms).
        assertThat(Fidelity.misses(figures(9.1, 129, 833, 24.0), REAL)).isEmpty();
    }

    @Test
    void eachFigureBeyondItsToleranceIsOneLine() {
        List<String> misses = Fidelity.misses(figures(8.8, 120, 900, 32.0), REAL);

        assertThat(misses).hasSize(4);
        assertThat(misses.get(0)).startsWith("servers msgs-per-op 8.80 against 10.00: off by 12 %");
        assertThat(misses.get(1)).startsWith("stable latency median 120 ms against 150 ms: off by 20 %");
        assertThat(misses.get(2)).startsWith("stable latency max 900 ms against 700 ms: off by 29 %");
        assertThat(misses.get(3)).startsWith("client latency median 32.0 ms against 20.0 ms: off by 60 % (tolerance 30 % or 5.0 ms)");
    }

    @Test
    void realRunsThatRepeatWithinTheTolerancesSpreadNoWiderThanThem() {
        assertThat(Fidelity.wideSpreads(List.of(figures(10.0, 150, 700, 20.0), figures(10.8, 160, 760, 22.0),
                figures(9.4, 140, 650, 19.0)))).isEmpty();
        assertThat(Fidelity.wideSpreads(List.of(figures(3.0, 10, 100, 1.0)))).as("one run has no spread").isEmpty();
    }

    @Test
    void aFigureRealRunsDoNotRepeatWithinItsToleranceIsNamedWithTheRunsRange() {
        // Six runs of one set as real Maelstrom ran them on 2026-12-04: messages per operation 9.61-12.59.
        List<RunFigures> runs = List.of(figures(12.59, 150, 700, 20.0), figures(10.85, 150, 700, 20.0),
                figures(9.68, 150, 700, 20.0), figures(9.61, 150, 700, 20.0), figures(10.48, 150, 700, 20.0),
                figures(10.69, 150, 700, 20.0));

        List<String> wide = Fidelity.wideSpreads(runs);

        assertThat(wide).hasSize(1);
        assertThat(wide.get(0)).startsWith("servers msgs-per-op 9.61 to 12.59 over 6 runs, 18 % from their mean")
                .contains("known to ± 0.44 (one standard error")
                .endsWith("tolerance 10 %)");
    }

    private static RunFigures figures(double msgsPerOp, long stableMedian, long stableMax, double clientMedian) {
        return new RunFigures(1000, msgsPerOp, stableMedian, stableMax, clientMedian, clientMedian, clientMedian, 0.9);
    }
}
