package io.glomers.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** FidelityReport's command line: what it runs, and one clear line for what it cannot. */
class FidelityOptionsTest {

    @Test
    void withoutArgumentsItComparesTheThreeProfilesWithTodaysReferencesOverFiveSeeds() {
        FidelityOptions options = FidelityOptions.parse();

        assertThat(options.fresh()).isFalse();
        assertThat(options.seeds()).isEqualTo(5);
        assertThat(options.firstSeed()).isEqualTo(1);
        assertThat(options.references()).isEqualTo(ReferenceSetup.SHARED_JVM);
        assertThat(options.names()).isEmpty();
    }

    @Test
    void freshRunsTakeArgumentSetsAsSingleArgumentsAndBenchOptionsInPairs() {
        FidelityOptions options = FidelityOptions.parse("--fresh", "--real-runs", "2", "--reuse", "--seeds", "10",
                "--bench", "--cpu-node-wake", "0", "--node-count 10 --rate 20", "--node-count 5");

        assertThat(options.fresh()).isTrue();
        assertThat(options.realRuns()).isEqualTo(2);
        assertThat(options.reuse()).isTrue();
        assertThat(options.seeds()).isEqualTo(10);
        assertThat(options.benchOptions()).containsExactly("--cpu-node-wake", "0");
        assertThat(options.names()).containsExactly("--node-count 10 --rate 20", "--node-count 5");
    }

    @Test
    void profilesAndTheOlderReferencesAreNamed() {
        FidelityOptions options = FidelityOptions.parse("--references", "jvm-per-node", "lean", "fast");

        assertThat(options.references()).isEqualTo(ReferenceSetup.JVM_PER_NODE);
        assertThat(options.names()).containsExactly("lean", "fast");
    }

    @Test
    void badArgumentsAreRefusedNamingWhatIsWrong() {
        List.of(
                List.of(new String[] {"--help"}, "unknown option '--help'"),
                List.of(new String[] {"--seeds", "x"}, "--seeds takes a whole number, not 'x'"),
                List.of(new String[] {"--seeds", "0"}, "--seeds takes 1 to 1000, not 0"),
                List.of(new String[] {"--seeds"}, "--seeds needs a value"),
                List.of(new String[] {"--kept"}, "--kept goes with --fresh"),
                List.of(new String[] {"--real-runs", "2"}, "--real-runs goes with --fresh"),
                List.of(new String[] {"--reuse"}, "--reuse goes with --fresh"),
                List.of(new String[] {"--fresh", "--kept", "--reuse"}, "--kept runs none"),
                List.of(new String[] {"--references", "foo"}, "shared-jvm or jvm-per-node, not foo"),
                List.of(new String[] {"faster"}, "no reference run for 'faster'"),
                List.of(new String[] {"--fresh", "--references", "jvm-per-node"}, "not with --fresh"),
                List.of(new String[] {"--bench", "--cpu-cores"}, "--cpu-cores needs a value"))
                .forEach(bad -> assertThatThrownBy(() -> FidelityOptions.parse((String[]) bad.get(0)))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining((String) bad.get(1)));
    }
}
