package io.glomers.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValueSetTest {

    private static final int RANGES = 10_000;
    private static final long SPAN = 1L << 32;

    @Test
    void keepsEachValueOnceInAscendingOrderWhateverItsSize() {
        ValueSet set = ValueSet.of(5, -3, 1L << 40, 5, 0, Integer.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, -1);
        assertThat(set.toArray()).containsExactly(Long.MIN_VALUE, -3, -1, 0, 5, Integer.MAX_VALUE, 1L << 40, Long.MAX_VALUE);
        assertThat(set.size()).isEqualTo(8);
        assertThat(set.add(5)).isFalse();
        assertThat(set.contains(1L << 40)).isTrue();
        assertThat(set.contains(-2)).isFalse();
    }

    @Test
    void aLargeValueCostsNoMoreThanASmallOne() {
        // The old bit set allocated ~250 MB for 2,000,000,000.
        assertThat(ValueSet.of(2_000_000_000L).sizeInBytes()).isLessThan(1_000);
        assertThat(ValueSet.of(Long.MAX_VALUE, Long.MIN_VALUE, 1_000_000_007L).sizeInBytes()).isLessThan(1_000);
    }

    @Test
    void summarisesAsRangesAndBackAcrossZero() {
        ValueSet set = ValueSet.of(-2, -1, 0, 1, 2, 7, 8, 10);
        long[][] ranges = set.toRanges();
        assertThat(ranges).isDeepEqualTo(new long[][] {{-2, 2}, {7, 8}, {10, 10}});
        assertThat(ValueSet.fromRanges(ranges, RANGES, SPAN)).isEqualTo(set);
    }

    @Test
    void rangesReachBothEndsOfTheLongRange() {
        long[][] ends = {{Long.MIN_VALUE, Long.MIN_VALUE + 2}, {-1, 1}, {Long.MAX_VALUE - 1, Long.MAX_VALUE}};
        ValueSet set = ValueSet.fromRanges(ends, RANGES, SPAN);
        assertThat(set.toArray()).containsExactly(Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MIN_VALUE + 2, -1, 0, 1,
                Long.MAX_VALUE - 1, Long.MAX_VALUE);
        assertThat(set.toRanges()).isDeepEqualTo(ends);
        assertThat(ValueSet.fromRanges(new long[][] {{Long.MAX_VALUE, Long.MAX_VALUE}}, RANGES, SPAN).toArray())
                .containsExactly(Long.MAX_VALUE);
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
    void aLongRangeIsHeldAsARunNotValueByValue() {
        ValueSet set = ValueSet.fromRanges(new long[][] {{-1_000_000_000L, 1_000_000_000L}}, RANGES, SPAN);
        assertThat(set.size()).isEqualTo(2_000_000_001L);
        assertThat(set.sizeInBytes()).as("about 30 bytes per 65,536 values").isLessThan(2_000_000);
    }

    @Test
    void aSummaryOfManyShortRangesCostsLittle() {
        // Roaring64Bitmap.addRange allocates ~1 MB per call whatever the length: 12 GB for these.
        long[][] ranges = new long[RANGES][];
        for (int i = 0; i < RANGES; i++) {
            ranges[i] = new long[] {3L * i - 15_000, 3L * i - 15_000 + 1};
        }
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        ValueSet set = ValueSet.fromRanges(ranges, RANGES, SPAN);
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertThat(set.size()).isEqualTo(2L * RANGES);
        assertThat(set.toRanges()).isDeepEqualTo(ranges);
        assertThat(allocated).as("bytes allocated").isLessThan(16L << 20);
    }

    @Test
    void refusesSummariesOverTheLimitsNamingThem() {
        assertThatThrownBy(() -> ValueSet.fromRanges(new long[][] {{0, 1}, {3, 4}, {6, 7}}, 2, SPAN))
                .isInstanceOf(ValueSet.LimitExceededException.class)
                .hasMessage("ranges 3 exceed the limit broadcast.limits.max-summary-ranges = 2");
        assertThatThrownBy(() -> ValueSet.fromRanges(new long[][] {{0, 9}, {20, 29}}, RANGES, 19))
                .hasMessageContaining("broadcast.limits.max-summary-span = 19");
        assertThatThrownBy(() -> ValueSet.fromRanges(new long[][] {{Long.MIN_VALUE, Long.MAX_VALUE}}, RANGES, Long.MAX_VALUE))
                .as("2^64 values: the length wraps to 0").hasMessageContaining("max-summary-span");
        assertThatThrownBy(() -> ValueSet.fromRanges(new long[][] {{-1, Long.MAX_VALUE}}, RANGES, SPAN))
                .hasMessageContaining("max-summary-span");
        assertThat(ValueSet.fromRanges(new long[][] {{0, 9}, {20, 28}}, RANGES, 19).size()).isEqualTo(19);
    }

    @Test
    void refusesRangesThatAreNotRanges() {
        assertThatThrownBy(() -> ValueSet.fromRanges(new long[][] {{5, 1}}, RANGES, SPAN)).hasMessageContaining("first <= last");
        assertThatThrownBy(() -> ValueSet.fromRanges(new long[][] {{5}}, RANGES, SPAN)).hasMessageContaining("[5]");
        assertThatThrownBy(() -> ValueSet.fromRanges(new long[][] {null}, RANGES, SPAN)).hasMessageContaining("null");
    }

    @Test
    void aCappedSummaryDescribesTheLowestRangesOnly() {
        ValueSet set = ValueSet.of(-5, 1, 2, 4, 9);
        assertThat(set.toRanges(2)).isDeepEqualTo(new long[][] {{-5, -5}, {1, 2}});
        assertThat(set.toRanges(0)).isEmpty();
        assertThat(set.first(3).toArray()).containsExactly(-5, 1, 2);
        assertThat(set.first(10)).isEqualTo(set);
    }

    @Test
    void differenceLeavesBothOperandsAlone() {
        ValueSet a = ValueSet.of(1, 2, 3, -7);
        ValueSet b = ValueSet.of(2, -7);
        assertThat(a.minus(b).toArray()).containsExactly(1, 3);
        assertThat(a.size()).isEqualTo(4);
        assertThat(b.size()).isEqualTo(2);
        assertThat(a.minus(a).isEmpty()).isTrue();
        ValueSet copy = a.copy();
        copy.add(4);
        copy.remove(1);
        assertThat(a.toArray()).as("a copy is independent").containsExactly(-7, 1, 2, 3);
        assertThat(a.minus(a)).isEqualTo(new ValueSet());
    }
}
