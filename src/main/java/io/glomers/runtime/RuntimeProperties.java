package io.glomers.runtime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import java.time.Duration;
import org.springframework.util.unit.DataSize;

/**
 * Tunables of the node runtime; their defaults are in {@code config/application.properties}.
 *
 * @param readStdin     pump stdin into the node; off when a bench or simulator feeds it directly
 * @param maxLineLength longest input line accepted; longer ones are skipped and logged
 * @param clientPatience how long after a client's request its reply may still go out; later, the client
 *                      has given up (Maelstrom: 5 s, counted from its send, a little before the node reads)
 * @param lagWarning    how late after it was due the event loop may start a task (a message read, a timer)
 *                      before it says so on stderr; 0: never
 */
@ConfigurationProperties(RuntimeProperties.PREFIX)
public record RuntimeProperties(
        boolean readStdin,
        DataSize maxLineLength,
        Duration clientPatience,
        Duration lagWarning) {

    public static final String PREFIX = "node.runtime";

    public RuntimeProperties {
        if (maxLineLength.toBytes() < 1024 || maxLineLength.toBytes() > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("node.runtime.max-line-length must be between 1KB and 2GB, was " + maxLineLength);
        }
        if (clientPatience.isNegative() || clientPatience.isZero()) {
            throw new IllegalArgumentException("node.runtime.client-patience must be positive, was " + clientPatience);
        }
        if (lagWarning.isNegative()) {
            throw new IllegalArgumentException("node.runtime.lag-warning must not be negative, was " + lagWarning);
        }
    }
}
