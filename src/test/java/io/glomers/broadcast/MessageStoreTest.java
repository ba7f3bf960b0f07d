package io.glomers.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageStoreTest {

    @Test
    void theSummaryFollowsEveryNewValue() {
        MessageStore store = new MessageStore();
        store.add(1);
        store.add(2);
        assertThat(store.toRanges()).isDeepEqualTo(new long[][] {{1, 2}});
        assertThat(store.toRanges()).as("unchanged store, same summary").isSameAs(store.toRanges());

        assertThat(store.add(2)).isFalse();
        store.add(4);
        assertThat(store.toRanges()).isDeepEqualTo(new long[][] {{1, 2}, {4, 4}});
        store.add(3);
        assertThat(store.toRanges()).isDeepEqualTo(new long[][] {{1, 4}});
    }
}
