package io.glomers.runtime;

import java.util.concurrent.CountDownLatch;
import org.springframework.stereotype.Component;

/** Tells the process when its input has ended, so that it can exit 0 as Maelstrom expects. */
@Component
public class NodeLifecycle {

    private final CountDownLatch endOfInput = new CountDownLatch(1);

    void inputEnded() {
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
