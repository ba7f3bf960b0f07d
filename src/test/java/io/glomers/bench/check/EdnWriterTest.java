package io.glomers.bench.check;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EdnWriterTest {

    @Test
    void writesCompactlyLikeClojurePrints() {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(Keyword.of("a"), List.of(1L, 2L));
        m.put(Keyword.of("b"), new EdnList(Arrays.asList(3L, null)));
        m.put(Keyword.of("c"), new LinkedHashSet<>(List.of("x")));
        m.put(Keyword.of("d"), 12.201005f);
        m.put(Keyword.of("e"), new EdnTagged("my.Rec", Map.of(Keyword.of("k"), true)));
        m.put(Keyword.of("f"), "q\"uote\n");
        m.put(Keyword.of("g"), 0.5);

        assertThat(EdnWriter.compact(m)).isEqualTo(
                "{:a [1 2], :b (3 nil), :c #{\"x\"}, :d 12.201005, :e #my.Rec{:k true}, :f \"q\\\"uote\\n\", :g 0.5}");
    }

    @Test
    void writtenTextReadsBackToTheSameValue() {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(Keyword.of("valid?"), Keyword.of("unknown"));
        m.put(Keyword.of("nested"), Map.of(1L, List.of(Keyword.of("x"), "s", 2.5, false)));
        m.put("str key", null);

        assertThat(EdnReader.readOne(EdnWriter.compact(m))).isEqualTo(m);
        assertThat(EdnReader.readOne(EdnWriter.pretty(m, 10))).isEqualTo(m);
    }

    @Test
    void prettyBreaksOnlyWhatDoesNotFit() {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(Keyword.of("short"), 1L);
        m.put(Keyword.of("long"), Map.of(Keyword.of("k"), 2L));

        assertThat(EdnWriter.pretty(m, 80)).isEqualTo("{:short 1, :long {:k 2}}");
        assertThat(EdnWriter.pretty(m, 20)).isEqualTo("{:short 1,\n :long {:k 2}}");
    }

    @Test
    void prettyPutsEachElementOfWhatDoesNotFitOnALineOfItsOwnAsFippDoes() {
        List<Long> items = new ArrayList<>();
        for (long i = 0; i < 12; i++) {
            items.add(i);
        }

        String text = EdnWriter.pretty(Map.of(Keyword.of("stale"), new EdnList(items)), 20);

        assertThat(text.lines()).containsExactly("{:stale (0", "         1", "         2", "         3", "         4", "         5",
                "         6", "         7", "         8", "         9", "         10", "         11)}");
    }
}
