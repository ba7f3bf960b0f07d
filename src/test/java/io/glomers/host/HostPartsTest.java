package io.glomers.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The host's small parts: what a launcher may ask, whose stderr a thread writes, and the pause gate. */
class HostPartsTest {

    private static LaunchRequest read(String text) throws IOException {
        return LaunchRequest.read(new BufferedReader(new StringReader(text)), "s3cret");
    }

    @Test
    void aLauncherAsksWithTheSecretItsPidAndItsArguments() throws IOException {
        LaunchRequest request = read("broadcast-node-host 1 s3cret 4242 2\n--broadcast.profile=lean\n--x=a b\n");

        assertThat(request.pid()).isEqualTo(4242);
        assertThat(request.arguments()).containsExactly("--broadcast.profile=lean", "--x=a b");
        assertThat(read("broadcast-node-host 1 s3cret 7 0\n").arguments()).isEmpty();
    }

    @Test
    void anythingElseIsRefusedSayingWhy() {
        assertThatThrownBy(() -> read("")).hasMessageContaining("hung up");
        assertThatThrownBy(() -> read("GET / HTTP/1.1\n")).hasMessageContaining("not a broadcast-node launcher");
        assertThatThrownBy(() -> read("broadcast-node-host 2 s3cret 7 0\n")).hasMessageContaining("not a broadcast-node launcher");
        assertThatThrownBy(() -> read("broadcast-node-host 1 guess 7 0\n")).hasMessageContaining("wrong secret");
        assertThatThrownBy(() -> read("broadcast-node-host 1 s3cret 0 0\n")).hasMessageContaining("bad pid");
        assertThatThrownBy(() -> read("broadcast-node-host 1 s3cret x 0\n")).hasMessageContaining("bad pid");
        assertThatThrownBy(() -> read("broadcast-node-host 1 s3cret 7 -1\n")).hasMessageContaining("bad argument count");
        assertThatThrownBy(() -> read("broadcast-node-host 1 s3cret 7 1001\n")).hasMessageContaining("bad argument count");
        assertThatThrownBy(() -> read("broadcast-node-host 1 s3cret 7 2\nonly one\n")).hasMessageContaining("after 1 of 2");
    }

    @Test
    void eachThreadWritesWhereItsNodeWasRoutedAndOthersToTheHost() throws Exception {
        ByteArrayOutputStream host = new ByteArrayOutputStream();
        ByteArrayOutputStream node = new ByteArrayOutputStream();
        ThreadRoutedStream routed = new ThreadRoutedStream(host);
        CountDownLatch written = new CountDownLatch(1);

        Thread nodeThread = new Thread(() -> {
            routed.routeCurrentThread(node);
            // A thread the node starts (its event loop, its stdin reader) writes to the node too.
            Thread child = new Thread(() -> write(routed, "child\n"));
            child.start();
            write(routed, "node\n");
            join(child);
            written.countDown();
        });
        nodeThread.start();
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
        write(routed, "host\n");

        assertThat(node.toString(StandardCharsets.UTF_8).lines()).containsExactlyInAnyOrder("node", "child");
        assertThat(host.toString(StandardCharsets.UTF_8)).isEqualTo("host\n");
    }

    @Test
    void aPausedNodeReadsAndWritesNothingUntilItIsContinued() throws Exception {
        PauseGate gate = new PauseGate();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream out = gate.gate(sink);
        InputStream in = gate.gate(new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)));
        gate.set(true);

        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> readOne(in));
        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> write(out, "y"));
        // Unpaused, each would be done at once; paused, neither is done a while later.
        assertThatThrownBy(() -> write.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        assertThat(read).as("read while paused").isNotDone();
        assertThat(sink.size()).isZero();

        gate.set(false);
        assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo((int) 'x');
        write.get(10, TimeUnit.SECONDS);
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("y");
    }

    private static void write(OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int readOne(InputStream in) {
        try {
            return in.read();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
