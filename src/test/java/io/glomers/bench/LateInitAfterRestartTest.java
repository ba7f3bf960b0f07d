package io.glomers.bench;

import io.glomers.bench.run.BenchOptions;
import io.glomers.bench.run.BenchResult;
import io.glomers.bench.run.BenchRunner;
import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.options.RunArguments;
import io.glomers.bench.nodes.BenchNode;
import io.glomers.bench.sched.HostCpu;
import io.glomers.bench.sim.VirtualScheduler;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A node that comes back from a kill but never answers the second init fails the run with that
 * reason. On virtual time (the node answers synchronously), so the 10 s deadline costs nothing.
 */
class LateInitAfterRestartTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @TempDir
    Path store;

    @Test
    void aRestartedNodeThatIgnoresInitFailsTheRun() throws Exception {
        BenchOptions options = RunArguments.parse(List.of("3a", "--nemesis", "kill", "--nemesis-interval", "1",
                "--time-limit", "10", "--recovery-wait", "1", "--store", store.toString()), 3);
        VirtualScheduler scheduler = new VirtualScheduler();

        BenchResult result = new BenchRunner(options, (id, logs) -> new MuteAfterRestart(id), BenchRunner.defaultChecker(),
                new PrintStream(OutputStream.nullOutputStream()), scheduler::onFailure, ignored -> HostCpu.unlimited()).run();

        assertThat(result.valid()).isFalse();
        assertThat(result.reasons()).singleElement().asString()
                .isEqualTo("n0 did not answer init within 10000 ms after its restart by the kill nemesis; none answered");
    }

    /** A one-node broadcast server that answers at once, and after a restart answers nothing. */
    private static final class MuteAfterRestart implements BenchNode {
        private final String id;
        private final TreeSet<Long> values = new TreeSet<>();
        private Consumer<String> output;
        private boolean alive;
        private boolean restarted;

        MuteAfterRestart(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public void start(Consumer<String> output) {
            this.output = output;
            alive = true;
        }

        @Override
        public void deliver(String line) {
            if (!alive || restarted) {
                return;
            }
            JsonNode message = MAPPER.readTree(line);
            JsonNode body = message.get("body");
            String type = body.get("type").asString();
            ObjectNode reply = MAPPER.createObjectNode();
            reply.put("type", type + "_ok");
            reply.put("in_reply_to", body.get("msg_id").asLong());
            if (type.equals("broadcast")) {
                values.add(body.get("message").asLong());
            } else if (type.equals("read")) {
                values.forEach(reply.putArray("messages")::add);
            }
            ObjectNode envelope = MAPPER.createObjectNode();
            envelope.put("src", id);
            envelope.put("dest", message.get("src").asString());
            envelope.set("body", reply);
            output.accept(MAPPER.writeValueAsString(envelope));
        }

        @Override
        public boolean supportsProcessFaults() {
            return true;
        }

        @Override
        public void kill() {
            alive = false;
        }

        @Override
        public void restart() {
            alive = true;
            restarted = true;
        }

        @Override
        public void pause() {
        }

        @Override
        public void resume() {
        }

        @Override
        public void close() {
        }
    }
}
