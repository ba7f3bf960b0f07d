package io.glomers.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.CommandLineRunner;
import org.springframework.stereotype.Component;

/**
 * Pumps input lines into the {@link Inbox} on a thread of its own, so that the context finishes
 * starting (and tests can talk to it) while the node serves. End of input ends the node. A node
 * started by {@code main} has read stdin since before the context ({@link EarlyStdin}): then the pump
 * takes over that reader instead of opening the input again.
 */
@Slf4j
@Component
@RequiredArgsConstructor
public class StdinPump implements CommandLineRunner {

    private final ProtocolInput input;
    private final Inbox inbox;
    private final RuntimeProperties properties;
    private final ObjectProvider<EarlyStdin> earlyStdin;

    @Override
    public void run(String... args) {
        if (!properties.readStdin()) {
            log.debug("Not reading stdin (node.runtime.read-stdin=false)");
            return;
        }
        EarlyStdin early = earlyStdin.getIfAvailable();
        if (early != null) {
            // main has been reading stdin since before the context: take over its lines and its thread.
            List<String> answered = early.handOver(inbox, (int) properties.maxLineLength().toBytes());
            answered.forEach(line -> Outbox.TRACE.debug("out {} (answered at start-up)", line));
            if (!answered.isEmpty()) {
                log.warn("Ready {} ms after the process started, too late for Maelstrom's start-up deadlines:"
                        + " answered {} handshake(s) at start-up instead (a busy machine; requests that came"
                        + " meanwhile were held and are served now)", early.millisSinceProcessStart(), answered.size());
            }
            return;
        }
        Thread pump = new Thread(this::pump, "stdin");
        pump.setDaemon(true);
        pump.start();
    }

    private void pump() {
        try (InputStream in = input.open()) {
            BoundedLineReader reader = new BoundedLineReader(in, (int) properties.maxLineLength().toBytes());
            while (true) {
                try {
                    String line = reader.readLine();
                    if (line == null) {
                        break;
                    }
                    inbox.accept(line);
                } catch (BoundedLineReader.LineTooLongException e) {
                    log.warn("Input {}", e.getMessage());
                } catch (OutOfMemoryError | StackOverflowError e) {
                    // One line too big to parse must not end the input (and with it the node).
                    log.error("Skipping an input line that could not be parsed: {}", e.toString());
                }
            }
        } catch (IOException e) {
            log.error("Reading stdin failed; treating it as end of input", e);
        } finally {
            inbox.endOfInput();
        }
    }
}
