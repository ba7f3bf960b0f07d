package io.glomers.bench.check;

import io.glomers.bench.history.Op;

/**
 * What the history says about one broadcast element, as Jepsen's {@code SetFullElement} tracks it:
 * when it became known to exist, and the invocations of the latest reads that did and did not show
 * it. Read invocations rather than completions are kept because a read is only evidence about the
 * state at or after its start.
 */
final class ElementState {

    private static final long NANOS_PER_MS = 1_000_000L;

    final long element;
    /** Completion of the broadcast, or of the first read showing the element, whichever came first. */
    Op known;
    Op lastPresent;
    Op lastAbsent;

    ElementState(long element) {
        this.element = element;
    }

    void addCompleted(Op completion) {
        // :fail and :info completions tell us nothing about whether the element exists.
        if (completion.type() == Op.Type.OK && known == null) {
            known = completion;
        }
    }

    void readPresent(Op invocation, Op completion) {
        if (known == null) {
            known = completion;
        }
        if (lastPresent == null || lastPresent.index() < invocation.index()) {
            lastPresent = invocation;
        }
    }

    void readAbsent(Op invocation) {
        if (lastAbsent == null || lastAbsent.index() < invocation.index()) {
            lastAbsent = invocation;
        }
    }

    boolean stable() {
        return lastPresent != null && indexOr(lastAbsent) < lastPresent.index();
    }

    /**
     * Missed after it was last seen, by a read that began after the element became known. The last
     * condition keeps a read concurrent with the broadcast (which may have run before it) from
     * counting as a loss: such an element is never-read instead.
     */
    boolean lost() {
        return known != null
                && lastAbsent != null
                && indexOr(lastPresent) < lastAbsent.index()
                && known.index() < lastAbsent.index();
    }

    /** ms from known to just after the start of the last read that missed it; null unless stable. */
    Long stableLatency() {
        if (!stable()) {
            return null;
        }
        long stableTime = lastAbsent == null ? 0 : lastAbsent.time() + 1;
        return latencyMs(stableTime);
    }

    /** ms from known to just after the start of the last read that showed it; null unless lost. */
    Long lostLatency() {
        if (!lost()) {
            return null;
        }
        long lostTime = lastPresent == null ? 0 : lastPresent.time() + 1;
        return latencyMs(lostTime);
    }

    private long latencyMs(long eventTime) {
        // Jepsen: (-> t (- known-time) (max 0) nanos->ms long), i.e. truncated whole milliseconds.
        return Math.max(0, eventTime - known.time()) / NANOS_PER_MS;
    }

    private static long indexOr(Op op) {
        return op == null ? -1 : op.index();
    }
}
