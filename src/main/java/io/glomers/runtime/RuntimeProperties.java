package io.glomers.runtime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Tunables of the node runtime.
 *
 * @param readStdin     pump stdin into the node; off when a bench or simulator feeds it directly
 * @param maxLineLength longest input line accepted; longer ones are skipped and logged
 */
@ConfigurationProperties(RuntimeProperties.PREFIX)
public record RuntimeProperties(
        @DefaultValue("true") boolean readStdin,
        @DefaultValue("4MB") DataSize maxLineLength) {

    public static final String PREFIX = "node.runtime";

    public RuntimeProperties {
        if (maxLineLength.toBytes() < 1024 || maxLineLength.toBytes() > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("node.runtime.max-line-length must be between 1KB and 2GB, was " + maxLineLength);
        }
    }
}
