package io.glomers.bench.sim;

import io.glomers.bench.sched.HostCosts;
import java.util.Arrays;

/**
 * How the nodes of a set of reference runs ({@code maelstrom-runs/node-3d-*}) were started under real
 * Maelstrom, and the CPU costs the simulator predicts them with: the same model, only the machine's
 * costs differ.
 */
enum ReferenceSetup {
    /** Every node in one JVM, as {@code bin/broadcast-node} runs them today (runs of 2026-12-03). */
    SHARED_JVM("shared-jvm", "", HostCosts.SIMULATED),
    /** A JVM per node, as before the shared JVM (runs of 2026-12-01). */
    JVM_PER_NODE("jvm-per-node", "-jvm-per-node", HostCosts.JVM_PER_NODE);

    private final String label;
    private final String suffix;
    private final HostCosts costs;

    ReferenceSetup(String label, String suffix, HostCosts costs) {
        this.label = label;
        this.suffix = suffix;
        this.costs = costs;
    }

    static ReferenceSetup named(String label) {
        return Arrays.stream(values()).filter(setup -> setup.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--references: shared-jvm or jvm-per-node, not " + label));
    }

    String label() {
        return label;
    }

    /** The reference run of a profile, under {@code maelstrom-runs/}. */
    String folder(String profile) {
        return "node-3d-" + profile + suffix;
    }

    HostCosts costs() {
        return costs;
    }
}
