package io.glomers.bench.console;

import io.glomers.bench.workload.ClusterInit;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What to say when nodes missed {@code init}: almost always a machine too busy for the nodes' start-up
 * (25 JVMs share its cores), so the machine's cores and load, and what to try. Also the warning before
 * process nodes start on a machine already busier than its cores.
 */
public final class SetupAdvice {

    /**
     * CPU one of our nodes takes to start when 25 start at once: in the launcher's shared JVM, 1.7 s for all 25
     * until the last is ready, and 12.6 s as 25 JVMs of their own (BROADCAST_NODE_SHARED_JVM=0), on the project's
     * idle 2-core VM (bin/startup-bench, 2026-12-02; README, "What a run needs").
     */
    static final double START_CPU_SECONDS_PER_NODE = 0.07;
    static final double START_CPU_SECONDS_PER_OWN_JVM = 0.5;

    private SetupAdvice() {
    }

    /** The machine's cores and 1-minute load average (negative where the system does not tell). */
    public record Machine(int cores, double loadAverage) {

        public static Machine now() {
            return new Machine(Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }

        boolean busy() {
            return loadAverage > cores;
        }

        String load() {
            return loadAverage < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f", loadAverage);
        }
    }

    /**
     * A warning before {@code nodes} processes start on {@code machine}, or null when it is quiet enough;
     * {@code --in-process} is offered only for our node, the one it runs.
     */
    public static String warning(Machine machine, int nodes, Duration initDeadline, boolean ourNode) {
        if (!machine.busy() || nodes <= machine.cores()) {
            return null;
        }
        return "challenge: the load average (" + machine.load() + ") already exceeds this machine's " + machine.cores()
                + " cores; " + nodes + " node processes may miss the " + seconds(initDeadline) + " s init deadline"
                + (ourNode ? " (--in-process starts them in one JVM)" : "");
    }

    /** True when a run failed because nodes missed init, as the bench or Maelstrom words it. */
    public static boolean missedInit(String why) {
        return why != null && (why.contains(ClusterInit.MISSED) || why.contains("to respond to an init message"));
    }

    /**
     * Summary lines for a run whose nodes missed init ({@code why}: how the run said so): the machine before
     * and after, and the remedies; {@code underMaelstrom} leaves out what only the bench can do, and a node
     * that is not ours ({@code --bin}) is not told to run ours in-process, nor what Spring Boot costs.
     */
    public static List<String> lines(String why, Machine before, Machine after, int nodes, boolean underMaelstrom,
            boolean ourNode) {
        List<String> lines = new ArrayList<>();
        lines.add("  machine      " + after.cores() + " cores; load average " + before.load() + " before the run, "
                + after.load() + " after" + (before.busy() || after.busy() ? " (above " + after.cores()
                + ": processes waited for a core, and the nodes start slowly)" : ""));
        List<String> remedies = new ArrayList<>();
        if (why.contains(ClusterInit.NONE_ANSWERED)) {
            remedies.add("a node that never answers may not read stdin, or may write init_ok elsewhere than stdout:"
                    + " node-logs/ has each node's stderr (bench), Maelstrom's store its node logs");
        }
        if (!underMaelstrom && ourNode) {
            remedies.add("--in-process (every node in this JVM: one start-up instead of " + nodes + ")");
        }
        remedies.add(ourNode ? quieter(nodes) : "a quieter machine (a load above its cores slows every node's start)");
        if (nodes > 5) {
            remedies.add("--node-count 5 for a look at the run");
        }
        remedies.add(underMaelstrom && ourNode ? "the bench with every node in one JVM: MAELSTROM= bin/challenge ... --in-process"
                : underMaelstrom ? "the bench with a longer deadline: MAELSTROM= bin/challenge ... --init-deadline 60"
                : "--init-deadline 60 to see how long the nodes really need here");
        lines.add("  try          " + remedies.get(0));
        remedies.subList(1, remedies.size()).forEach(remedy -> lines.add("               " + remedy));
        return lines;
    }

    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }

    private static String quieter(int nodes) {
        return String.format(Locale.ROOT, "a quieter machine (%d of our nodes take about %d s of CPU to start in the"
                + " launcher's shared JVM, %.0f s as JVMs of their own; README, \"What a run needs\")", nodes,
                Math.max(1, Math.round(nodes * START_CPU_SECONDS_PER_NODE)), nodes * START_CPU_SECONDS_PER_OWN_JVM);
    }
}
