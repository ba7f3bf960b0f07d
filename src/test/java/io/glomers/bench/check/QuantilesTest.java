package io.glomers.bench.check;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class QuantilesTest {

    @Test
    void noValuesGivesNull() {
        assertThat(Quantiles.of(List.of())).isNull();
    }

    @Test
    void oneValueIsEveryQuantile() {
        assertThat(Quantiles.of(List.of(7L))).containsExactly(
                entry(0.0, 7L), entry(0.5, 7L), entry(0.95, 7L), entry(0.99, 7L), entry(1.0, 7L));
    }

    @Test
    void tenValuesPickSortedIndicesZeroFiveNineNineNine() {
        // floor(10 * p) = 0, 5, 9, 9, 10 -> clamped to 9.
        assertThat(Quantiles.of(List.of(50L, 10L, 100L, 20L, 90L, 30L, 80L, 40L, 70L, 60L))).containsExactly(
                entry(0.0, 10L), entry(0.5, 60L), entry(0.95, 100L), entry(0.99, 100L), entry(1.0, 100L));
    }

    @Test
    void twentyValuesUseDoubleArithmeticForTheIndex() {
        // 20 * 0.95 is 19.0 in doubles (index 19, the maximum), 20 * 0.99 = 19.8 -> 19, 20 * 0.5 = 10.
        List<Long> values = new java.util.ArrayList<>();
        for (long v = 1; v <= 20; v++) {
            values.add(v);
        }
        assertThat(Quantiles.of(values)).containsExactly(
                entry(0.0, 1L), entry(0.5, 11L), entry(0.95, 20L), entry(0.99, 20L), entry(1.0, 20L));
    }

    @Test
    void hundredValuesSeparateTheTopPercentiles() {
        List<Long> values = new java.util.ArrayList<>();
        for (long v = 0; v < 100; v++) {
            values.add(v);
        }
        // 100 * 0.95 = 95.0 and 100 * 0.99 = 99.0 in doubles: indices 95 and 99.
        assertThat(Quantiles.of(values)).containsExactly(
                entry(0.0, 0L), entry(0.5, 50L), entry(0.95, 95L), entry(0.99, 99L), entry(1.0, 99L));
    }
}
