package io.glomers.runtime;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What the node does with a throwable that got past the code that raised it. Most failures, an
 * {@link OutOfMemoryError} or {@link StackOverflowError} from one request included, leave the node
 * able to go on once the stack has unwound: it answers the request with error 13 (crash) and serves
 * the next one. Any other {@link VirtualMachineError} (an {@link InternalError}, an
 * {@link UnknownError}), or a failure while reporting a failure, means the JVM can no longer be
 * trusted: the node says so on stderr and exits non-zero at once, without shutdown hooks, so that
 * the acknowledgement journal stays for the restart (a normal shutdown deletes it). A node that shares
 * its JVM with others ({@link HostedProcess}) ends alone when only it is broken (a failure while
 * reporting a failure: its launcher's stdout is gone); halting would take every node of the machine
 * with it. A {@link VirtualMachineError} is the JVM's, and halts it whoever shares it.
 */
@Component
public class CrashPolicy {

    /** The exit status of a node that could not go on (EX_SOFTWARE). */
    public static final int FATAL_STATUS = 70;

    /** The process this node answers for in a shared JVM; null when the node is its JVM's own process. */
    private final HostedProcess hosted;

    /** A policy for a node that is its JVM's own process. */
    public CrashPolicy() {
        this.hosted = null;
    }

    /**
     * Looks the hosted process up now, while the context is being built: a failure can come as the context
     * closes (a killed node's event loop finishing a task), when the closed context no longer has it, and a
     * policy that then took the node for its JVM's own process halted the shared JVM and every node in it.
     */
    @Autowired
    public CrashPolicy(ObjectProvider<HostedProcess> hosted) {
        this.hosted = hosted.getIfAvailable();
    }

    /** Whether the node can go on after {@code failure}. */
    public boolean survivable(Throwable failure) {
        return !(failure instanceof VirtualMachineError) || failure instanceof OutOfMemoryError
                || failure instanceof StackOverflowError;
    }

    /** Reports the failure on stderr and ends the process (or, in a shared JVM, the node; see above). */
    public void fatal(String where, Throwable failure) {
        boolean aloneEnds = hosted != null && !(failure instanceof VirtualMachineError);
        // Straight to stderr, not through the logger: it may be what is broken, and it allocates.
        System.err.println("broadcast-node: FATAL " + failure + " " + where + (aloneEnds
                ? "; this node cannot go on, the JVM it shares with other nodes can: this node alone ends"
                : "; the JVM cannot be trusted to go on") + ", with status " + FATAL_STATUS
                + " (acknowledged values stay in the journal for a restart)");
        failure.printStackTrace(System.err);
        System.err.flush();
        if (aloneEnds) {
            hosted.fail().run();
        } else {
            halt(FATAL_STATUS);
        }
    }

    /** Ends the process without shutdown hooks; tests replace it. */
    protected void halt(int status) {
        Runtime.getRuntime().halt(status);
    }
}
