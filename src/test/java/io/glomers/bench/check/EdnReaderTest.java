package io.glomers.bench.check;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EdnReaderTest {

    @Test
    void readsScalars() {
        assertThat(EdnReader.readOne("nil")).isNull();
        assertThat(EdnReader.readOne("true")).isEqualTo(true);
        assertThat(EdnReader.readOne("false")).isEqualTo(false);
        assertThat(EdnReader.readOne("42")).isEqualTo(42L);
        assertThat(EdnReader.readOne("-7")).isEqualTo(-7L);
        assertThat(EdnReader.readOne("+3")).isEqualTo(3L);
        assertThat(EdnReader.readOne("12.201005")).isEqualTo(12.201005);
        assertThat(EdnReader.readOne("1.5e3")).isEqualTo(1500.0);
        assertThat(EdnReader.readOne("99999999999999999999")).isEqualTo(new BigInteger("99999999999999999999"));
        assertThat(EdnReader.readOne("7N")).isEqualTo(BigInteger.valueOf(7));
        assertThat(EdnReader.readOne("1.25M")).isEqualTo(new BigDecimal("1.25"));
        assertThat(EdnReader.readOne("1/4")).isEqualTo(0.25);
        assertThat(EdnReader.readOne(":valid?")).isEqualTo(Keyword.of("valid?"));
        assertThat(EdnReader.readOne(":jepsen.history/op")).isEqualTo(Keyword.of("jepsen.history/op"));
        assertThat(EdnReader.readOne("foo-bar")).isEqualTo(new EdnSymbol("foo-bar"));
        assertThat(EdnReader.readOne("-")).isEqualTo(new EdnSymbol("-"));
        assertThat(EdnReader.readOne("\\a")).isEqualTo('a');
        assertThat(EdnReader.readOne("\\newline")).isEqualTo('\n');
        assertThat(EdnReader.readOne("##Inf")).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void readsStringsWithEscapes() {
        assertThat(EdnReader.readOne("\"a \\\"q\\\" \\\\ \\n\\t \\u00e9 ;not a comment\""))
                .isEqualTo("a \"q\" \\ \n\t é ;not a comment");
    }

    @Test
    void readsCollections() {
        Object value = EdnReader.readOne("{:a [1 2 (3 4)], :b #{\"x\" \"y\"}, \"k\" nil, 5 {}}");

        assertThat(value).isInstanceOf(Map.class);
        Map<?, ?> m = (Map<?, ?>) value;
        assertThat(new java.util.ArrayList<Object>(m.keySet())).containsExactly(Keyword.of("a"), Keyword.of("b"), "k", 5L);
        assertThat(m.get(Keyword.of("a"))).isEqualTo(List.of(1L, 2L, List.of(3L, 4L)));
        assertThat(((List<?>) m.get(Keyword.of("a"))).get(2)).as("a list stays a list").isInstanceOf(EdnList.class);
        assertThat(m.get(Keyword.of("b"))).isEqualTo(Set.of("x", "y"));
        assertThat(m.containsKey("k")).isTrue();
        assertThat(m.get("k")).isNull();
        assertThat(m.get(5L)).isEqualTo(Map.of());
    }

    @Test
    void taggedLiteralKeepsItsTagAndUntaggedGivesItsValue() {
        Object value = EdnReader.readOne("{:known #jepsen.history.Op{:index 5, :f :add, :value 0}}");
        Object known = ((Map<?, ?>) value).get(Keyword.of("known"));

        assertThat(known).isInstanceOf(EdnTagged.class).extracting(k -> ((EdnTagged) k).tag()).isEqualTo("jepsen.history.Op");
        assertThat(EdnReader.untagged(known))
                .isEqualTo(Map.of(Keyword.of("index"), 5L, Keyword.of("f"), Keyword.of("add"), Keyword.of("value"), 0L));
        assertThat(EdnReader.readOne("#inst \"2024-01-01\"")).isEqualTo(new EdnTagged("inst", "2024-01-01"));
    }

    @Test
    void skipsCommentsCommasAndDiscards() {
        assertThat(EdnReader.readAll("; header\n1,,2 #_ 3 #_[4 5] 6 ; tail\n")).containsExactly(1L, 2L, 6L);
        assertThat(EdnReader.readOne("[1 #_2]")).isEqualTo(List.of(1L));
    }

    @Test
    void readsOneFormPerLine() {
        List<Object> forms = EdnReader.readAll("{:index 0}\n{:index 1}\n\n{:index 2}\n");

        assertThat(forms).hasSize(3);
        assertThat(forms.get(2)).isEqualTo(Map.of(Keyword.of("index"), 2L));
    }

    @Test
    void rejectsMalformedInput() {
        assertThatThrownBy(() -> EdnReader.readOne("[1 2")).isInstanceOf(EdnReader.EdnException.class)
                .hasMessageContaining("end of input");
        assertThatThrownBy(() -> EdnReader.readOne("{:a}")).isInstanceOf(EdnReader.EdnException.class)
                .hasMessageContaining("without a value");
        assertThatThrownBy(() -> EdnReader.readOne("1 2")).isInstanceOf(EdnReader.EdnException.class)
                .hasMessageContaining("more than one");
        assertThatThrownBy(() -> EdnReader.readOne("\"open")).isInstanceOf(EdnReader.EdnException.class)
                .hasMessageContaining("unterminated");
        assertThatThrownBy(() -> EdnReader.readOne(")")).isInstanceOf(EdnReader.EdnException.class);
        assertThatThrownBy(() -> EdnReader.readOne("12abc")).isInstanceOf(EdnReader.EdnException.class)
                .hasMessageContaining("bad number");
    }
}
