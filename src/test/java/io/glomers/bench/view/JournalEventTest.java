package io.glomers.bench.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JournalEventTest {

    @Test
    void readsAMessageLineAsTheJournalWritesIt() {
        MessageLogEvent event = MessageLogEvent.parse("1500 recv #42 n1 -> c3 {\"src\":\"n1\",\"dest\":\"c3\",\"body\":{\"type\":\"read_ok\"}}");

        assertThat(event).isEqualTo(new MessageLogEvent(1500, MessageLogEvent.Kind.RECV, 42, "n1", "c3",
                "{\"src\":\"n1\",\"dest\":\"c3\",\"body\":{\"type\":\"read_ok\"}}"));
        assertThat(event.isMessage()).isTrue();
    }

    @Test
    void readsANote() {
        MessageLogEvent note = MessageLogEvent.parse("99 # the workload starts: history time 0");

        assertThat(note.kind()).isEqualTo(MessageLogEvent.Kind.NOTE);
        assertThat(note.nanos()).isEqualTo(99);
        assertThat(note.line()).isEqualTo("the workload starts: history time 0");
        assertThat(note.isMessage()).isFalse();
    }

    @Test
    void refusesWhatIsNotAJournalLine() {
        assertThatThrownBy(() -> MessageLogEvent.parse("hello")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageLogEvent.parse("1 send 42 n1 n2 {}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLabelLeavesOutTheProtocolFieldsAndTheHoverKeepsTheWholeBody() {
        MessageText.Text text = MessageText.of(MessageLogEvent.parse(
                "1 send #1 c1 -> n0 {\"src\":\"c1\",\"dest\":\"n0\",\"body\":{\"type\":\"broadcast\",\"msg_id\":7,\"message\":12}}"));

        assertThat(text.label()).isEqualTo("broadcast {\"message\":12}");
        assertThat(text.hover()).isEqualTo("c1 → n0 {\"type\":\"broadcast\",\"msg_id\":7,\"message\":12}");
        assertThat(text.error()).isFalse();
    }

    @Test
    void anErrorIsLabelledWithItsCodeAndText() {
        MessageText.Text text = MessageText.of(MessageLogEvent.parse("1 send #1 n0 -> c1 {\"src\":\"n0\",\"dest\":\"c1\","
                + "\"body\":{\"type\":\"error\",\"in_reply_to\":3,\"code\":11,\"text\":\"not ready\"}}"));

        assertThat(text.error()).isTrue();
        assertThat(text.label()).isEqualTo("error 11 not ready");
    }

    @Test
    void longLabelsAreCutToMaelstromsFortyEightCharacters() {
        String many = "[" + "1,".repeat(100) + "1]";
        MessageText.Text text = MessageText.of(MessageLogEvent.parse("1 send #1 n0 -> c1 {\"src\":\"n0\",\"dest\":\"c1\","
                + "\"body\":{\"type\":\"read_ok\",\"messages\":" + many + "}}"));

        assertThat(text.label()).hasSize(MessageText.LABEL_LIMIT).endsWith("…");
    }

    @Test
    void lanesAreNodesThenClientsInNumericOrder() {
        List<MessageLogEvent> events = List.of(MessageLogEvent.parse("1 send #1 c10 -> n2 {}"), MessageLogEvent.parse("1 send #2 n10 -> c2 {}"),
                MessageLogEvent.parse("1 send #3 n1 -> n2 {}"));

        assertThat(LamportDiagram.lanes(events)).containsExactly("n1", "n2", "n10", "c2", "c10");
    }
}
