package io.glomers.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.run.BenchOptions;
import io.glomers.bench.nemesis.Fault;
import io.glomers.bench.options.RunArguments;
import io.glomers.bench.run.MidRunChanges;
import io.glomers.bench.plant.Plant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code bin/challenge}'s command line in this JVM: every bad argument is refused with status 2 and one line
 * that names it and what is allowed, before anything runs; options go in any order; the help lists what the
 * parser takes. (The script end to end, with its time: {@code ChallengeArgumentsIT}.)
 */
class ChallengeCommandLineTest {

    @TempDir
    static Path dir;

    private record Outcome(int status, String out, String err) {
    }

    private static Outcome execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = ChallengeMain.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int status = command.execute(args);
        return new Outcome(status, out.toString(), err.toString());
    }

    static Stream<Arguments> badArguments() throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("results.edn"), "{:valid? true}\n");
        Path notExecutable = Files.writeString(dir.resolve("node.txt"), "not a program");
        Path node = Files.writeString(dir.resolve("node.sh"), "#!/bin/sh\n");
        node.toFile().setExecutable(true);
        return Stream.of(
                bad("3z", "'3z'", "3a 3b 3c 3d 3e sim serve draw"),
                bad("3d --rate abc", "--rate", "'abc'", "number above 0"),
                bad("3d --rate 0", "--rate", "'0'", "above 0"),
                bad("3a --time-limit -5", "--time-limit", "'-5'", "above 0"),
                bad("3a --time-limit 0", "--time-limit", "'0'", "above 0"),
                bad("3a --time-limit 1e-12", "--time-limit", "at least 0.001"),
                bad("3a --seed abc", "--seed", "'abc'", "whole number"),
                bad("3a --rate NaN", "--rate", "'NaN'"),
                bad("--rate 5 3a", "'--rate'", "options go after"),
                bad("3d --latency -1", "--latency", "'-1'", "0 or more"),
                bad("3d --latency 1.5", "--latency", "'1.5'", "whole number"),
                bad("3d --node-count 0", "--node-count", "'0'", "at least 1"),
                bad("3d --node-count many", "--node-count", "'many'"),
                bad("3d --nemesis foo", "--nemesis", "'foo'", "partition, kill, pause"),
                bad("3d --latency-dist pareto", "--latency-dist", "'pareto'", "constant, uniform or exponential"),
                bad("3d --topology ring", "--topology", "'ring'", "grid"),
                bad("3d --nemesis-interval 0", "--nemesis-interval", "above 0"),
                bad("3d --recovery-wait -1", "--recovery-wait", "0 or more"),
                bad("3d --init-deadline 0", "--init-deadline", "above 0"),
                bad("3d --store-runs some", "--store-runs", "'some'", "all, failed or none"),
                bad("3a --duplicate-probability 1.5", "--duplicate-probability", "'1.5'", "from 0 to 1"),
                bad("3a --reorder-window 0", "--reorder-window", "above 0"),
                bad("3a -w lin-kv", "--workload", "'lin-kv'", "broadcast"),
                bad("3d --bin " + dir.resolve("no-such-node"), "--bin", "exists"),
                bad("3d --bin " + notExecutable, "--bin", "executable"),
                bad("3d --store " + dir.resolve("no/such/folder"), "--store", "does not exist"),
                bad("3d --store " + notExecutable, "--store", "it is a file"),
                bad("3d --store " + notExecutable.resolve("runs"), "--store", notExecutable + " is not a folder"),
                bad("3d --bogus 3", "unknown option '--bogus'"),
                bad("3d --rate", "option '--rate' needs a value", "0.001 to 1000000"),
                bad("3d --time-limit", "option '--time-limit' needs a value", "above 0"),
                // Huge values: each overflowed, ran out of memory or ran for ever before it had a bound.
                bad("3d --node-count 2147483647", "--node-count", "'2147483647'", "at least 1, at most 1000"),
                bad("3a --time-limit 1e20", "--time-limit", "'1e20'", "86400 (a day)"),
                bad("3a --time-limit 99999999999999999999", "--time-limit", "86400 (a day)"),
                bad("3a --rate 1e300", "--rate", "'1e300'", "at most 1000000"),
                bad("3a --rate 5e-324", "--rate", "'5e-324'", "at least 0.001"),
                bad("3a --latency 9223372036854775807", "--latency", "3600000 (an hour)"),
                bad("3a --recovery-wait 1e300", "--recovery-wait", "86400 (a day)"),
                bad("3a --init-deadline 1e300", "--init-deadline", "86400 (a day)"),
                bad("3a --nemesis-interval 1e300", "--nemesis-interval", "86400 (a day)"),
                bad("3a --reorder-window 9223372036854775807", "--reorder-window", "3600000 (an hour)"),
                bad("3a --delay-spike 9223372036854775807", "--delay-spike", "3600000 (an hour)"),
                bad("sim --runs 2147483647", "--runs", "at least 1, at most 1000000"),
                bad("sim --shrink-budget 1e300", "--shrink-budget", "86400 (a day)"),
                bad("sim --cpu-node 1e300", "--cpu-node", "0 or more, at most 1000000"),
                bad("sim --cpu-cores 100000", "--cpu-cores", "0 or more, at most 1024"),
                // Empty names: Path.of("") is the working directory, where runs would have been written.
                bad("3d --store ''", "--store", "''", "it is empty"),
                bad("sim --store ''", "--store", "''", "it is empty"),
                bad("serve --store ''", "--store", "''", "exists"),
                bad("3d --bin ''", "--bin", "''", "exists"),
                bad("draw ''", "RUN_DIR", "''", "exists"),
                // An unknown option is named even when a later value is wrong for the place it then takes.
                bad("sim --port 80", "unknown option '--port'"),
                bad("draw --rate 5", "unknown option '--rate'"),
                bad("draw --rate", "unknown option '--rate'"),
                bad("3d -- --rate 5", "'--rate'", "after '--'"),
                bad("3d --in-process=maybe", "--in-process", "'maybe'"),
                bad("3a --rate 5 --rate abc", "--rate", "'abc'"),
                // A newline in a value is shown, not printed: the refusal stays one line.
                bad("3a --rate 1\n2", "--rate", "'1\\n2'"),
                bad("3\nz", "'3\\nz' is not a part or a command"),
                bad("draw /no\twhere", "RUN_DIR", "'/no\\twhere'"),
                bad("3d extra", "'extra'"),
                bad("3a --in-process --bin " + node, "--in-process", "--bin", "exclude each other"),
                bad("3a --in-process --nemesis kill", "--nemesis kill", "--in-process"),
                bad("3a --in-process --cpu-node 300", "--cpu-node", "simulator", "pay their own CPU"),
                bad("3a --in-process --cpu-interpreter-lag 300", "--cpu-interpreter-lag", "simulator", "real clock"),
                bad("sim --cpu-interpreter-lag -1", "--cpu-interpreter-lag", "0 or more"),
                bad("3a --in-process --cpu-node-wake 700", "--cpu-node-wake", "simulator", "wake by themselves"),
                bad("sim --cpu-node-wake x", "--cpu-node-wake", "0 or more"),
                bad("sim --runs 0", "--runs", "'0'", "at least 1"),
                bad("sim 3d --latency-at 8", "--latency-at", "'8'", "SECONDS=MS"),
                bad("3d --latency-at 8=fast", "--latency-at", "'8=fast'", "whole number of milliseconds"),
                bad("sim 3d --latency-at -1=300", "--latency-at", "'-1=300'", "seconds into the workload"),
                bad("sim 3d --rate-at 8=0", "--rate-at", "'8=0'", "requests a second"),
                bad("sim 3q", "'3q'", "3a 3b 3c 3d 3e"),
                bad("sim --profile nope", "--profile", "'nope'", "balanced"),
                bad("sim --node-property retransmit", "--node-property", "name=value"),
                bad("sim --in-process", "--in-process", "simulator"),
                bad("sim --plant nope", "--plant", "'nope'", "no-retransmit"),
                bad("sim 3b --faults kill@1-2=n9", "--faults", "n9", "--node-count 5"),
                bad("3b --faults kill@1-2=n9", "--faults", "n9", "--node-count 5"),
                bad("3d --faults kill@2-1=n1", "--faults", "end after it starts"),
                bad("3b --nemesis kill --faults partition@1-2=n0/n1", "--faults", "--nemesis kill", "exclude each other"),
                bad("sim 3b --faults kill@1-2=n1 --nemesis partition", "--faults", "--nemesis partition", "exclude each other"),
                bad("3d --faults crash@1-2=n1", "--faults", "'crash' is not a fault"),
                bad("sim --shrink-budget 0", "--shrink-budget", "above 0"),
                bad("sim --jobs 0", "--jobs", "'0'", "at least 1, at most 1000"),
                bad("serve --port 0", "--port", "'0'", "1 to 65535"),
                bad("serve --port 70000", "--port", "'70000'", "1 to 65535"),
                bad("serve --port http", "--port", "'http'"),
                bad("serve --store " + dir.resolve("none"), "--store", "exists"),
                bad("draw", "RUN_DIR is missing", "a run's folder"),
                bad("draw " + dir.resolve("none"), "RUN_DIR", "exists"),
                bad("draw " + dir, "RUN_DIR", "results.edn"),
                bad("draw " + run + " --svg-events 0", "--svg-events", "'0'", "or all"),
                bad("draw " + run + " --svg-from 5 --svg-to 1", "--svg-from", "--svg-to", "end after it starts"));
    }

    private static Arguments bad(String line, String... said) {
        return Arguments.of(line, List.of(said));
    }

    /** The line's words; '' is an empty one, as a shell passes it. */
    private static String[] words(String line) {
        return Stream.of(line.split(" ")).map(word -> word.equals("''") ? "" : word).toArray(String[]::new);
    }

    @ParameterizedTest(name = "bin/challenge {0}")
    @MethodSource("badArguments")
    void aBadArgumentIsOneLineNamingItWithStatusTwo(String line, List<String> said) {
        Outcome outcome = execute(words(line));

        assertThat(outcome.status()).as("status of %s", line).isEqualTo(2);
        assertThat(outcome.out()).as("stdout").isEmpty();
        assertThat(outcome.err().lines()).as("stderr").singleElement().asString()
                .contains(said.toArray(String[]::new))
                .containsPattern("^challenge( \\w+)?: ")
                .contains("--help lists the options")
                .doesNotContain("Exception", "\tat ", "at io.");
    }

    @Test
    void theHelpOfEveryCommandListsEveryOptionItsParserTakes() {
        String all = execute("--help").out();
        CommandLine root = ChallengeMain.commandLine();
        root.getSubcommands().forEach((name, command) -> {
            String own = execute(name, "--help").out();
            for (OptionSpec option : command.getCommandSpec().options()) {
                for (String alias : option.names()) {
                    assertThat(all).as("bin/challenge --help names %s of %s", alias, name).contains(alias);
                    assertThat(own).as("bin/challenge %s --help names %s", name, alias).contains(alias);
                }
            }
        });
        assertThat(execute("--help").status()).isZero();
    }

    @Test
    void helpNeedsNoneOfTheFoldersItsDefaultsName() {
        // A fresh clone has no store/: every folder a default names is made missing here.
        Path missing = dir.resolve("store-not-made-yet");
        CommandLine root = ChallengeMain.commandLine();
        root.getSubcommands().forEach((name, command) -> {
            IDefaultValueProvider own = command.getDefaultValueProvider();
            command.setDefaultValueProvider(arg -> {
                String given = own == null ? null : own.defaultValue(arg);
                boolean defaulted = given != null || arg.defaultValue() != null;
                return arg.type() == Path.class && defaulted ? missing.toString() : given;
            });
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            root.setOut(new PrintWriter(out, true));
            root.setErr(new PrintWriter(err, true));

            int status = root.execute(name, "--help");

            assertThat(err.toString()).as("bin/challenge %s --help stderr", name).isEmpty();
            assertThat(status).as("bin/challenge %s --help status", name).isZero();
            assertThat(out.toString()).as("bin/challenge %s --help", name).contains("--help");
        });
    }

    @Test
    void plantListNamesEveryDefectAndRunsNothing() {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(printed, true));
            status = execute("sim", "--plant", "list").status();
        } finally {
            System.setOut(out);
        }

        assertThat(status).isZero();
        assertThat(printed.toString().lines()).hasSize(Plant.defects().size())
                .allSatisfy(line -> assertThat(Plant.named(line.split(" ")[0])).isPresent());
    }

    @Test
    void aPartsHelpShowsThePartsOwnDefaults() {
        String help = execute("3d", "--help").out().replaceAll("\\s+", " ");

        assertThat(help).contains("--node-count=N number of nodes, n0.. (1 to 1000; default 25)")
                .contains("--latency=MS mean server-to-server latency, whole ms (0 to 3600000; default 100)");
    }

    @Test
    void nothingAtAllIsOneLineNamingTheCommandsWithStatusTwo() {
        Outcome outcome = execute();

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.out()).isEmpty();
        assertThat(outcome.err().lines()).singleElement().asString()
                .contains("a command is needed", "3a 3b 3c 3d 3e sim serve draw", "bin/challenge --help lists the options");
    }

    @Test
    void aPartsArgumentsAreDefaultsThatLaterOptionsOverride() {
        BenchOptions options = RunArguments.parse(List.of("3d", "--rate", "5", "--nemesis", "partition", "--rate", "50"), 7);

        assertThat(options.nodeCount()).isEqualTo(25);
        assertThat(options.latency().meanMillis()).isEqualTo(100);
        assertThat(options.rate()).isEqualTo(50);
        assertThat(options.faults()).containsExactly(Fault.PARTITION);
        assertThat(options.targets()).isNotNull();
        assertThat(options.seed()).isEqualTo(7);
        assertThat(RunArguments.parse(List.of("--rate", "5"), 7).targets()).isNull();
    }

    @Test
    void theSwarmTakesItsPartAndOptionsInAnyOrderAndHandsTheRunsOnlyTheirs() {
        CommandLine root = ChallengeMain.commandLine();
        root.parseArgs("sim", "--store", dir.toString(), "3d", "--seed", "3", "--rate", "5", "--runs", "2", "--verbose",
                "--jobs", "3");
        SimCommand sim = root.getSubcommands().get("sim").getCommand();

        assertThat(sim.runs).isEqualTo(2);
        assertThat(sim.jobs).isEqualTo(3);
        assertThat(sim.run.seed()).isEqualTo(3);
        List<String> runArgs = new ArrayList<>(sim.runArguments());
        assertThat(runArgs).containsExactly("3d", "--store", dir.toString(), "--rate", "5");
        assertThat(RunArguments.parse(runArgs, 1).rate()).isEqualTo(5);
    }

    @Test
    void changesMidRunReachTheSwarmsRunsEveryOneInTheOrderOfTheirMoments() {
        CommandLine root = ChallengeMain.commandLine();
        root.parseArgs("sim", "3d", "--latency-at", "12=100", "--latency-at", "8=300", "--rate-at", "5=20");
        SimCommand sim = root.getSubcommands().get("sim").getCommand();

        List<String> runArgs = new ArrayList<>(sim.runArguments());
        assertThat(runArgs).containsExactly("3d", "--latency-at", "12=100", "--latency-at", "8=300", "--rate-at", "5=20");
        MidRunChanges changes = RunArguments.parse(runArgs, 1).changes();
        assertThat(changes.latency()).containsExactly(new MidRunChanges.Step(Duration.ofSeconds(8), 300),
                new MidRunChanges.Step(Duration.ofSeconds(12), 100));
        assertThat(changes.rate()).containsExactly(new MidRunChanges.Step(Duration.ofSeconds(5), 20));
        assertThat(RunArguments.parse(List.of("3d"), 1).changes()).isEqualTo(MidRunChanges.NONE);
    }
}
