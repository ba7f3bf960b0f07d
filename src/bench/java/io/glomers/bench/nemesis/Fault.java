package io.glomers.bench.nemesis;

/** A nemesis: each runs its own start/stop cycle (Jepsen's combined nemesis). */
public enum Fault {
    /** Maelstrom's partition nemesis. */
    PARTITION,
    /** SIGKILL, then restart through the launcher and init again (Maelstrom PR #102, Jepsen's :kill). */
    KILL,
    /** SIGSTOP, then SIGCONT (Maelstrom PR #102, Jepsen's :pause). */
    PAUSE
}
