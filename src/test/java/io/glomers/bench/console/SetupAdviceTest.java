package io.glomers.bench.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.console.SetupAdvice.Machine;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a run whose nodes missed init says about the machine and what to try, for our node and for another --bin. */
class SetupAdviceTest {

    private static final Machine BUSY = new Machine(2, 6.1);
    private static final Machine QUIET = new Machine(4, 0.3);
    private static final String NONE = "25 of 25 nodes [n0, ...] did not answer init within 10000 ms (Maelstrom fails the test);"
            + " none answered";
    private static final String SLOW = "3 of 25 nodes [n4, n9, n17] did not answer init within 10000 ms (Maelstrom fails the"
            + " test); the slowest answer took 9870 ms";

    @Test
    void ourSlowNodesAreToldEveryRemedyWithTheMachinesCoresAndLoad() {
        String said = String.join("\n", SetupAdvice.lines(SLOW, BUSY, BUSY, 25, false, true));

        assertThat(said).contains("2 cores; load average 6.1 before the run, 6.1 after (above 2")
                .contains("--in-process", "a quieter machine (25 of our nodes take about 2 s of CPU to start in the launcher's shared JVM, 13 s as JVMs",
                        "--node-count 5 for a look", "--init-deadline 60")
                .doesNotContain("may not read stdin");
    }

    @Test
    void anotherNodeThatNeverAnsweredIsNotToldToRunOursOrWhatSpringCosts() {
        List<String> lines = SetupAdvice.lines(NONE, QUIET, QUIET, 7, false, false);
        String said = String.join("\n", lines);

        assertThat(said).contains("may not read stdin", "a quieter machine", "--node-count 5", "--init-deadline 60")
                .doesNotContain("--in-process", "Spring Boot", "above 4");
        assertThat(lines.get(1)).startsWith("  try          a node that never answers");
    }

    @Test
    void underMaelstromTheBenchIsOfferedOnlyForOurNode() {
        assertThat(String.join("\n", SetupAdvice.lines(SLOW, BUSY, BUSY, 25, true, true)))
                .contains("MAELSTROM= bin/challenge ... --in-process").doesNotContain("--init-deadline 60 to see");
        assertThat(String.join("\n", SetupAdvice.lines(SLOW, BUSY, BUSY, 25, true, false)))
                .contains("MAELSTROM= bin/challenge ... --init-deadline 60").doesNotContain("--in-process");
    }

    @Test
    void theWarningBeforeProcessNodesStartComesOnlyOnAMachineBusierThanItsCores() {
        assertThat(SetupAdvice.warning(BUSY, 25, Duration.ofSeconds(10), true))
                .isEqualTo("challenge: the load average (6.1) already exceeds this machine's 2 cores; 25 node processes"
                        + " may miss the 10 s init deadline (--in-process starts them in one JVM)");
        assertThat(SetupAdvice.warning(BUSY, 25, Duration.ofSeconds(10), false)).doesNotContain("--in-process");
        assertThat(SetupAdvice.warning(QUIET, 25, Duration.ofSeconds(10), true)).isNull();
        assertThat(SetupAdvice.warning(BUSY, 2, Duration.ofSeconds(10), true)).as("no more nodes than cores").isNull();
    }
}
