package io.glomers.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValueSetTest {

    @Test
    void keepsEachValueOnceInAscendingOrderWhateverItsSize() {
        ValueSet set = ValueSet.of(5, -3, 1L << 40, 5, 0, Integer.MAX_VALUE);
        assertThat(set.toArray()).containsExactly(-3, 0, 5, Integer.MAX_VALUE, 1L << 40);
        assertThat(set.size()).isEqualTo(5);
        assertThat(set.add(5)).isFalse();
        assertThat(set.contains(1L << 40)).isTrue();
    }

    @Test
    void summarisesAsRangesAndBack() {
        ValueSet set = ValueSet.of(-2, -1, 0, 1, 2, 7, 8, 10);
        long[][] ranges = set.toRanges();
        assertThat(ranges).isDeepEqualTo(new long[][] {{-2, 2}, {7, 8}, {10, 10}});
        assertThat(ValueSet.fromRanges(ranges)).isEqualTo(set);
    }

    @Test
    void aMillionConsecutiveValuesAreOneRange() {
        ValueSet set = new ValueSet();
        for (long v = 0; v < 1_000_000; v++) {
            set.add(v);
        }
        assertThat(set.toRanges()).isDeepEqualTo(new long[][] {{0, 999_999}});
        assertThat(set.toArray()).hasSize(1_000_000).startsWith(0, 1).endsWith(999_999);
    }

    @Test
    void refusesRangesItWouldHaveToExpandValueByValue() {
        assertThatThrownBy(() -> ValueSet.fromRanges(new long[][] {{-10_000_000_000L, -1}}))
                .hasMessageContaining("too long");
        assertThatThrownBy(() -> ValueSet.fromRanges(new long[][] {{5, 1}})).hasMessageContaining("first <= last");
    }

    @Test
    void differenceLeavesBothOperandsAlone() {
        ValueSet a = ValueSet.of(1, 2, 3, -7);
        ValueSet b = ValueSet.of(2, -7);
        assertThat(a.minus(b).toArray()).containsExactly(1, 3);
        assertThat(a.size()).isEqualTo(4);
        assertThat(b.size()).isEqualTo(2);
    }
}
