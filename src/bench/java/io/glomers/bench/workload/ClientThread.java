package io.glomers.bench.workload;

/** A Jepsen worker thread as the generator sees it: one operation at a time. */
public interface ClientThread {

    /** Invokes {@code broadcast(value)} or {@code read}; {@code done} runs once the operation completed. */
    void invoke(String f, Long value, boolean finalRead, Runnable done);
}
