package io.glomers.runtime;

import java.io.OutputStream;

/**
 * Registered by a host (io.glomers.host) before it starts a node's context: the launcher process the
 * node answers for, that process's stdout, and how to end this node alone. Absent when the node is
 * the JVM's own process. The runtime's beans ask for it through an {@code ObjectProvider} rather than
 * being replaced, because Spring AOT fixes the bean definitions at build time.
 *
 * @param fail ends this node, and only this node, as a crash would: its launcher exits with
 *             {@link CrashPolicy#FATAL_STATUS} and its acknowledgement journal stays for a restart
 */
public record HostedProcess(NodeProcess process, OutputStream stdout, Runnable fail) {
}
