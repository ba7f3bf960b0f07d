package io.glomers.bench.check;

import io.glomers.bench.history.Op;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one writer of {@code results.edn}: Maelstrom's sections ({@code :net}, {@code :workload},
 * {@code :valid?}) with Maelstrom's key names, keys left out where Maelstrom leaves them out
 * ({@code :msgs-per-op} with no operations, {@code :lost-latencies} with nothing lost), laid out
 * as Maelstrom lays its file out; the bench adds a {@code :bench} section of its own.
 */
public final class ResultsEdn {

    /** fipp's default width: Jepsen's store prints results.edn with it. */
    private static final int WIDTH = 70;

    private ResultsEdn() {
    }

    /**
     * {@code {:net {...}, :workload {...}, :bench {...}, :valid? ...}}; a null section is left out
     * (a check without network counts has no {@code :net}, a run that never got to check no
     * {@code :workload}, Maelstrom's own runs no {@code :bench}).
     *
     * @param valid the run's verdict: {@code true}, {@code false} or {@code :unknown}
     */
    public static String render(NetStats net, Map<Object, Object> workload, Map<Object, Object> bench, Object valid) {
        Map<Object, Object> top = new LinkedHashMap<>();
        if (net != null) {
            top.put(k("net"), net(net));
        }
        if (workload != null) {
            top.put(k("workload"), workload);
        }
        if (bench != null) {
            top.put(k("bench"), bench);
        }
        top.put(k("valid?"), valid);
        return layout(top);
    }

    /** Any EDN value laid out as Maelstrom's results.edn is, ending with a newline. */
    public static String layout(Object results) {
        return EdnWriter.pretty(results, WIDTH) + "\n";
    }

    private static Map<Object, Object> net(NetStats net) {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(k("all"), counts(net.all(), net.allMsgsPerOp()));
        // Maelstrom gives no per-op figure for client messages.
        m.put(k("clients"), counts(net.clients(), null));
        m.put(k("servers"), counts(net.servers(), net.serversMsgsPerOp()));
        m.put(k("valid?"), true);
        return m;
    }

    private static Map<Object, Object> counts(NetStats.Counts c, Float perOp) {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(k("send-count"), c.sendCount());
        m.put(k("recv-count"), c.recvCount());
        m.put(k("msg-count"), c.msgCount());
        if (perOp != null) {
            m.put(k("msgs-per-op"), perOp);
        }
        return m;
    }

    /** The {@code :workload} section, the set-full checker's keys. */
    public static Map<Object, Object> workload(WorkloadResult w) {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(k("valid?"), validity(w.valid()));
        m.put(k("attempt-count"), w.attemptCount());
        m.put(k("stable-count"), w.stableCount());
        m.put(k("lost-count"), w.lostCount());
        m.put(k("lost"), new EdnList(w.lost()));
        m.put(k("never-read-count"), w.neverReadCount());
        m.put(k("never-read"), new EdnList(w.neverRead()));
        m.put(k("stale-count"), w.staleCount());
        m.put(k("stale"), new EdnList(w.stale()));
        m.put(k("worst-stale"), new EdnList(w.worstStale().stream().map(ResultsEdn::staleElement).toList()));
        if (w.stableLatencies() != null) {
            m.put(k("stable-latencies"), quantiles(w.stableLatencies()));
        }
        if (w.lostLatencies() != null) {
            m.put(k("lost-latencies"), quantiles(w.lostLatencies()));
        }
        m.put(k("duplicated-count"), w.duplicatedCount());
        m.put(k("duplicated"), new LinkedHashMap<Object, Object>(w.duplicated()));
        return m;
    }

    private static Map<Object, Object> staleElement(WorkloadResult.StaleElement s) {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(k("element"), s.element());
        m.put(k("outcome"), k("stable"));
        m.put(k("stable-latency"), s.stableLatency());
        m.put(k("lost-latency"), null);
        m.put(k("known"), op(s.known()));
        m.put(k("last-absent"), op(s.lastAbsent()));
        return m;
    }

    /** An op as Jepsen prints its history records, {@code #jepsen.history.Op{...}}. */
    static EdnTagged op(Op op) {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(k("index"), op.index());
        m.put(k("time"), op.time());
        m.put(k("type"), k(op.type().name().toLowerCase(java.util.Locale.ROOT)));
        m.put(k("process"), op.isClient() ? (Object) op.process() : k("nemesis"));
        // Maelstrom's broadcast workload hands the checker broadcasts renamed to set adds, so
        // Maelstrom's results show :add; print the same.
        m.put(k("f"), k("broadcast".equals(op.f()) ? "add" : op.f()));
        m.put(k("value"), op.value() instanceof List<?> l ? new ArrayList<Object>(l) : op.value());
        if (op.finalRead()) {
            m.put(k("final?"), true);
        }
        return new EdnTagged("jepsen.history.Op", m);
    }

    private static Map<Object, Object> quantiles(Map<Double, Long> q) {
        Map<Object, Object> m = new LinkedHashMap<>();
        q.forEach((p, ms) -> m.put(quantileKey(p), ms));
        return m;
    }

    /** Clojure's quantile keys are the literals 0, 0.5, 0.95, 0.99, 1: whole ones print without ".0". */
    private static Object quantileKey(double p) {
        return p == Math.rint(p) ? (Object) (long) p : (Object) p;
    }

    /** Jepsen's {@code :valid?}: {@code true}, {@code false} or {@code :unknown}. */
    public static Object validity(WorkloadResult.Validity v) {
        return switch (v) {
            case TRUE -> true;
            case FALSE -> false;
            case UNKNOWN -> k("unknown");
        };
    }

    private static Keyword k(String name) {
        return Keyword.of(name);
    }
}
