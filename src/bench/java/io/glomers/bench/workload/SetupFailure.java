package io.glomers.bench.workload;

/** The cluster could not be set up (init or topology unanswered): Maelstrom aborts such a test. */
public final class SetupFailure extends RuntimeException {

    public SetupFailure(String message) {
        super(message, null, false, false);
    }
}
