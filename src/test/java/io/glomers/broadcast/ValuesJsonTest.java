package io.glomers.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ValuesJsonTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    record Reply(ValuesJson.Snapshot messages) {
    }

    @Test
    void aSnapshotIsTheValuesSoFarAndLaterValuesLeaveItAsItWas() {
        ValuesJson json = new ValuesJson();
        ValuesJson.Snapshot empty = json.snapshot();
        json.add(7);
        ValuesJson.Snapshot one = json.snapshot();
        json.add(-3);
        json.add(Long.MIN_VALUE);
        json.add(Long.MAX_VALUE);

        assertThat(MAPPER.writeValueAsString(new Reply(empty))).isEqualTo("{\"messages\":[]}");
        assertThat(MAPPER.writeValueAsString(new Reply(one))).isEqualTo("{\"messages\":[7]}");
        assertThat(new String(MAPPER.writeValueAsBytes(new Reply(json.snapshot())), StandardCharsets.UTF_8))
                .isEqualTo("{\"messages\":[7,-3," + Long.MIN_VALUE + "," + Long.MAX_VALUE + "]}");
    }

    @Test
    void manyValuesGrowTheTextAndReadBackAsTheSameValuesInTheOrderTheyCame() {
        ValuesJson json = new ValuesJson();
        long[] values = LongStream.range(0, 50_000).map(i -> (i * 7919) % 100_003 - 50_000).toArray();
        Arrays.stream(values).forEach(json::add);

        // Larger than the generator's buffer, as bytes and as characters: both ways out.
        assertThat(MAPPER.readTree(MAPPER.writeValueAsBytes(new Reply(json.snapshot()))).get("messages").valueStream()
                .mapToLong(node -> node.asLong()).toArray()).containsExactly(values);
        assertThat(MAPPER.readTree(MAPPER.writeValueAsString(new Reply(json.snapshot()))).get("messages").valueStream()
                .mapToLong(node -> node.asLong()).toArray()).containsExactly(values);
    }
}
