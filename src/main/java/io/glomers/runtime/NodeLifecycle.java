package io.glomers.runtime;

import java.util.concurrent.CountDownLatch;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** Tells the process when its input has ended, so that it can exit 0 as Maelstrom expects. */
@Component
public class NodeLifecycle implements DisposableBean {

    private final CountDownLatch endOfInput = new CountDownLatch(1);
    private volatile boolean abandoned;

    void inputEnded() {
        endOfInput.countDown();
    }

    /**
     * The process this node answered for was killed while a host went on running the node's context:
     * the context is closed as the kill would have ended it, keeping what a restart recovers.
     */
    public void abandon() {
        abandoned = true;
    }

    public boolean isAbandoned() {
        return abandoned;
    }

    /** A context closed before its input ended (a host ending a killed node's context) releases its waiter. */
    @Override
    public void destroy() {
        endOfInput.countDown();
    }

    public boolean hasInputEnded() {
        return endOfInput.getCount() == 0;
    }

    /** Blocks until stdin is exhausted and queued work is done; returns the process exit code. */
    public int awaitEndOfInput() {
        try {
            endOfInput.await();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
