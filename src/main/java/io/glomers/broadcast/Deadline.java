package io.glomers.broadcast;

/**
 * A moment on the event loop's clock (milliseconds) when something is due, or none: the one owner
 * of "not armed", as TigerBeetle's {@code Timeout} owns its own ticks. A deadline that is not armed
 * is never due and has no moment; asking it for one is a bug, caught under {@code -ea}. Event loop only.
 */
final class Deadline {

    private boolean armed;
    private long at;

    boolean isArmed() {
        return armed;
    }

    /** The moment it is due; only when armed. */
    long at() {
        assert armed : "a deadline that is not armed has no moment";
        return at;
    }

    /** Armed, and its moment has come. */
    boolean isDue(long now) {
        return armed && now >= at;
    }

    void arm(long moment) {
        armed = true;
        at = moment;
    }

    /** Arms it unless it is armed already: an earlier promise stands. */
    void armUnlessArmed(long moment) {
        if (!armed) {
            arm(moment);
        }
    }

    /** Arms it for {@code moment} unless it is armed for a sooner one. */
    void armBy(long moment) {
        if (!armed || moment < at) {
            arm(moment);
        }
    }

    /** Arms it for {@code other}'s moment when that comes sooner (or this one is not armed). */
    void armEarlier(Deadline other) {
        if (other.armed && (!armed || other.at < at)) {
            arm(other.at);
        }
    }

    void disarm() {
        armed = false;
    }

    /** Both not armed, or both armed for the same moment. */
    boolean sameAs(Deadline other) {
        return armed == other.armed && (!armed || at == other.at);
    }

    @Override
    public String toString() {
        return armed ? "due at " + at : "not armed";
    }
}
