package io.glomers.bench.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StatusLineTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void onATerminalTheStatusIsRedrawnInPlaceAndLinesGoAboveIt() {
        PrintStream terminal = stream(err);
        StatusLine status = new StatusLine(terminal, new Terminal(true, 80));

        status.show("1 op");
        status.show("2 ops");
        status.println(terminal, "a line");
        status.clear();

        assertThat(text(err)).isEqualTo("\r\033[K1 op" + "\r\033[K2 ops" + "\r\033[K" + "a line\n" + "2 ops" + "\r\033[K");
    }

    @Test
    void aStatusWiderThanTheTerminalIsShortenedSoItNeverWraps() {
        StatusLine status = new StatusLine(stream(err), new Terminal(true, 20));

        status.show("x".repeat(50));

        assertThat(text(err)).isEqualTo("\r\033[K" + "x".repeat(18) + "…");
    }

    @Test
    void offATerminalThereIsNoStatusAndLinesPassThrough() {
        StatusLine status = new StatusLine(stream(err), Terminal.PLAIN);

        status.show("1 op");
        status.println(stream(out), "a line");
        status.clear();

        assertThat(text(err)).isEmpty();
        assertThat(text(out)).isEqualTo("a line\n");
    }

    @Test
    void aStreamAboveTheStatusHandsOverWholeLines() {
        PrintStream terminal = stream(err);
        StatusLine status = new StatusLine(terminal, new Terminal(true, 80));
        status.show("s");
        PrintStream lines = status.above(stream(out));

        lines.print("half ");
        assertThat(text(out)).isEmpty();
        lines.println("and the rest");
        lines.println("second");

        assertThat(text(out)).isEqualTo("half and the rest\nsecond\n");
        assertThat(text(err)).isEqualTo("\r\033[Ks" + "\r\033[Ks" + "\r\033[Ks");
    }
}
