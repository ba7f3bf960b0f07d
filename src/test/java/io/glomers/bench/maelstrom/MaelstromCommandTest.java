package io.glomers.bench.maelstrom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glomers.bench.run.BenchOptions;
import io.glomers.bench.options.RunArguments;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaelstromCommandTest {

    private static final Path MAELSTROM = Path.of("/opt/maelstrom");
    private static final Path BIN = Path.of("bin/broadcast-node");

    /** The command without Maelstrom's path. */
    private static List<String> command(String... args) {
        List<String> command = MaelstromCommand.of(MAELSTROM, BIN, RunArguments.parse(List.of(args), 1));
        return command.subList(1, command.size());
    }

    @Test
    void aPartInMaelstromsWords() {
        assertThat(String.join(" ", command("3d", "--nemesis", "partition")))
                .isEqualTo("test -w broadcast --bin bin/broadcast-node --node-count 25 --time-limit 20 --rate 100"
                        + " --latency 100 --nemesis partition");
        assertThat(String.join(" ", command("3a")))
                .isEqualTo("test -w broadcast --bin bin/broadcast-node --node-count 1 --time-limit 20 --rate 10");
    }

    @Test
    void overridesAndMaelstromsOtherOptions() {
        assertThat(String.join(" ", command("3b", "--rate", "12.5", "--latency", "30", "--latency-dist", "exponential",
                "--nemesis", "partition", "--nemesis-interval", "3", "--topology", "tree4", "--time-limit", "7")))
                .isEqualTo("test -w broadcast --bin bin/broadcast-node --node-count 5 --time-limit 7 --rate 12.5"
                        + " --latency 30 --latency-dist exponential --nemesis partition --nemesis-interval 3 --topology tree4");
    }

    @Test
    void aNetworkWithoutLatencyGoesToMaelstromAsConstantWhateverItsDistribution() {
        // Real Maelstrom 0.2.4 with --latency-dist uniform or exponential and no latency: "Jepsen broke" (an assertion
        // in its uniform distribution, a division by zero in its exponential one), though every delay would be 0.
        for (String distribution : List.of("uniform", "exponential")) {
            assertThat(String.join(" ", command("3b", "--latency", "0", "--latency-dist", distribution)))
                    .isEqualTo("test -w broadcast --bin bin/broadcast-node --node-count 5 --time-limit 20 --rate 10");
            assertThat(String.join(" ", command("3b", "--latency", "1", "--latency-dist", distribution)))
                    .endsWith("--rate 10 --latency 1 --latency-dist " + distribution);
        }
    }

    @Test
    void refusesWhatMaelstromCannotDo() {
        assertThatThrownBy(() -> command("3c", "--nemesis", "partition,kill"))
                .hasMessageContaining("only the partition nemesis");
        assertThatThrownBy(() -> command("3a", "--time-limit", "2.5"))
                .hasMessageContaining("--time-limit 2.5").hasMessageContaining("whole seconds");
    }

    @Test
    void namesTheBenchsOwnOptions() {
        assertThat(MaelstromCommand.ignored(List.of("--seed", "4", "--rate", "5", "--in-process", "--recovery-wait", "2",
                "--store", "runs")))
                .containsExactly("--seed 4", "--in-process", "--recovery-wait 2");
    }
}
