package io.glomers.bench;

import io.glomers.bench.run.BenchOptions;
import io.glomers.bench.run.BenchResult;
import io.glomers.bench.run.BenchRunner;
import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.options.RunArguments;
import io.glomers.bench.fakes.FakeNode;
import io.glomers.bench.history.Op;
import io.glomers.bench.nodes.NodeFactory;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench must be able to fail: each deliberately broken node makes the run invalid, for the
 * right reason. Short runs (3 s of workload, 1 s recovery wait); only the late-init one takes longer.
 */
class BenchFailsBrokenNodesTest {

    @TempDir
    Path store;

    private BenchResult run(Function<String, FakeNode> node, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("3a", "--time-limit", "3", "--recovery-wait", "1",
                "--in-process", "--store", store.toString()));
        args.addAll(List.of(extra));
        BenchOptions options = RunArguments.parse(args, 42);
        NodeFactory factory = FakeNode.factory(node);
        return new BenchRunner(options, factory, BenchRunner.defaultChecker(), new PrintStream(OutputStream.nullOutputStream())).run();
    }

    @Test
    void aCorrectFakeNodeIsValid() throws Exception {
        BenchResult result = run(FakeNode::new);

        assertThat(result.reasons()).isEmpty();
        assertThat(result.valid()).isTrue();
        assertThat(Files.readString(result.dir().resolve("results.edn"))).contains(":valid? true}");
    }

    @Test
    void droppingEveryThirdValueIsALoss() throws Exception {
        BenchResult result = run(FakeNode.DropsEveryThird::new);

        assertThat(result.valid()).isFalse();
        assertThat(result.reasons()).singleElement().asString().startsWith("lost ");
        assertThat(result.outcome().lost()).isNotEmpty();
    }

    @Test
    void readsFromAStaleSnapshotLoseLaterValues() throws Exception {
        BenchResult result = run(FakeNode.StaleSnapshot::new);

        assertThat(result.valid()).isFalse();
        assertThat(result.reasons()).singleElement().asString().startsWith("lost ");
        assertThat(result.outcome().lost()).doesNotContain(0L, 1L, 2L);
    }

    @Test
    void aStrayStdoutLineIsAProtocolViolation() throws Exception {
        BenchResult result = run(FakeNode.StrayLine::new);

        assertThat(result.valid()).isFalse();
        assertThat(result.reasons()).anySatisfy(reason -> assertThat(reason)
                .startsWith("protocol violation: n0: wrote a stdout line that is not a JSON object: DEBUG got broadcast"));
        // Maelstrom stops reading the node: everything after the stray line goes unanswered.
        assertThat(result.history()).anySatisfy(op -> assertThat(op.type()).isIn(
                Op.Type.INFO, Op.Type.FAIL));
    }

    @Test
    void aReplyWithTheWrongInReplyToIsAProtocolViolation() throws Exception {
        BenchResult result = run(FakeNode.WrongInReplyTo::new);

        assertThat(result.valid()).isFalse();
        assertThat(result.reasons()).anySatisfy(reason -> assertThat(reason)
                .startsWith("protocol violation: n0: reply to c").contains("that matches no outstanding request"));
    }

    @Test
    void unknownDestinationsAndForgedSendersAreProtocolViolations() throws Exception {
        BenchResult result = run(FakeNode.BadAddresses::new);

        assertThat(result.valid()).isFalse();
        assertThat(result.violations()).extracting(Object::toString).anySatisfy(v -> assertThat(v)
                .startsWith("n0: sent a message to unknown node n7"));
        assertThat(result.violations()).extracting(Object::toString).anySatisfy(v -> assertThat(v)
                .startsWith("n0: claims src n5 (it is n0)"));
    }

    /** The one slow test: Maelstrom's init deadline is 10 s, and n1 of three nodes answers after 12. */
    @Test
    void aLateInitOkFailsTheRun() throws Exception {
        BenchResult result = run(id -> id.equals("n1") ? new FakeNode.SlowInit(id) : new FakeNode(id), "--node-count", "3");

        assertThat(result.valid()).isFalse();
        // The two nodes that answered set the slowest answer seen: a fake node answers within milliseconds.
        assertThat(result.setupFailure()).matches("n1 did not answer init within 10000 ms \\(Maelstrom fails the test\\);"
                + " the slowest answer took \\d{1,3} ms");
        assertThat(result.reasons()).containsExactly(result.setupFailure());
        assertThat(result.history()).isEmpty();
    }
}
