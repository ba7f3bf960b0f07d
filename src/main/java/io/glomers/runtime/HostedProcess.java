package io.glomers.runtime;

import java.io.OutputStream;

/**
 * Registered by a host (io.glomers.host) before it starts a node's context: the launcher process the
 * node answers for, and that process's stdout. Absent when the node is the JVM's own process. The
 * runtime's beans ask for it through an {@code ObjectProvider} rather than being replaced, because
 * Spring AOT fixes the bean definitions at build time.
 */
public record HostedProcess(NodeProcess process, OutputStream stdout) {
}
