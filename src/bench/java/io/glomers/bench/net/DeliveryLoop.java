package io.glomers.bench.net;

import io.glomers.bench.sched.HostCpu;
import io.glomers.bench.sched.Scheduler;
import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One node's inbound link, worked the way Maelstrom's stdin thread works it
 * ({@code maelstrom.process/stdin-thread} calling {@code maelstrom.net/recv!} in a loop): the queue
 * is ordered by due time (send time + latency draw); whenever the loop is free and the queue is not
 * empty it takes the earliest-due message, drops it at once if the receiver is cut off from the
 * sender at that moment, and otherwise sleeps until the message is due, delivers it, and takes the
 * next. While it sleeps nothing reaches the node, not even a message that arrived meanwhile with an
 * earlier due time, such as a client request due at once: head-of-line blocking, which is why a
 * request to a node with gossip in flight waits out that gossip's remaining latency under
 * Maelstrom. The sleep is {@code Thread/sleep (long dt)}: whole milliseconds, rounded down.
 * Writing a message to the node is the loop's own work ({@code json/generate-stream}, write,
 * flush): under the {@link HostCpu} model it takes the loop's thread and a core for
 * {@code writeCost} before the node has the line and the loop takes the next. Scheduler thread only.
 */
final class DeliveryLoop {

    private record Queued(long due, long sequence, Message message) {
    }

    private static final Comparator<Queued> EARLIEST_DUE =
            Comparator.comparingLong(Queued::due).thenComparingLong(Queued::sequence);

    private final Scheduler scheduler;
    private final HostCpu.Worker writer;
    private final Duration writeCost;
    private final Predicate<Message> cutOff;
    private final Consumer<Message> dropped;
    private final Consumer<Message> delivered;
    private final PriorityQueue<Queued> queue = new PriorityQueue<>(EARLIEST_DUE);
    /** Ties in due time leave in the order they came, as they would from a clock that never repeats. */
    private long sequence;
    /** Holding a taken message: asleep until it is due, or writing it. */
    private boolean busy;

    /**
     * @param writer    the loop's thread on the host
     * @param cutOff    whether a partition separates the message's sender from this node right now
     * @param dropped   a message the loop took while cut off
     * @param delivered a message written to the node
     */
    DeliveryLoop(Scheduler scheduler, HostCpu.Worker writer, Duration writeCost, Predicate<Message> cutOff,
                 Consumer<Message> dropped, Consumer<Message> delivered) {
        this.scheduler = scheduler;
        this.writer = writer;
        this.writeCost = writeCost;
        this.cutOff = cutOff;
        this.dropped = dropped;
        this.delivered = delivered;
    }

    /** A message handed to the network now, due after {@code latency}. */
    void offer(Message message, Duration latency) {
        queue.add(new Queued(scheduler.nanoTime() + latency.toNanos(), sequence++, message));
        if (!busy) {
            takeNext();
        }
    }

    private void takeNext() {
        while (!queue.isEmpty()) {
            Queued head = queue.poll();
            if (cutOff.test(head.message())) {
                dropped.accept(head.message());
                continue;
            }
            long sleepMillis = (head.due() - scheduler.nanoTime()) / 1_000_000;
            if (sleepMillis <= 0 && writeCost.isZero()) {
                delivered.accept(head.message());
                continue;
            }
            busy = true;
            if (sleepMillis <= 0) {
                write(head.message());
            } else {
                scheduler.schedule(Duration.ofMillis(sleepMillis), () -> write(head.message()));
            }
            return;
        }
    }

    private void write(Message message) {
        writer.run(writeCost, () -> {
            busy = false;
            delivered.accept(message);
            takeNext();
        });
    }
}
