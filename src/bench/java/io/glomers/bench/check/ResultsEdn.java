package io.glomers.bench.check;

import io.glomers.bench.history.Op;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes a run's verdict in the shape of Maelstrom's {@code results.edn} ({@code :net},
 * {@code :workload}, {@code :valid?}) with the same key names, and a one-line summary for logs.
 */
public final class ResultsEdn {

    private static final int WIDTH = 100;

    private ResultsEdn() {
    }

    /** {@code {:net {...}, :workload {...}, :valid? ...}}; {@code :net} is left out when {@code net} is null. */
    public static String render(WorkloadResult workload, NetStats net) {
        return EdnWriter.pretty(toEdn(workload, net), WIDTH) + "\n";
    }

    /** The same content as nested maps, for callers that want to add sections of their own. */
    public static Map<Object, Object> toEdn(WorkloadResult workload, NetStats net) {
        Map<Object, Object> top = new LinkedHashMap<>();
        if (net != null) {
            top.put(k("net"), net(net));
        }
        top.put(k("workload"), workload(workload));
        // The net checker is always valid, so the run is as valid as the workload.
        top.put(k("valid?"), validity(workload.valid()));
        return top;
    }

    /**
     * E.g. {@code valid? true | ops 199 | servers msgs-per-op 10.10 | stable-latencies
     * 0/0.5/0.95/0.99/1 = 0/0/0/0/0 ms | lost 0}; parts without data are left out.
     */
    public static String summary(WorkloadResult workload, NetStats net) {
        StringJoiner line = new StringJoiner(" | ");
        line.add("valid? " + workload.valid().edn().replace(":", ""));
        if (net != null) {
            line.add("ops " + net.clientOps());
            Float perOp = net.serversMsgsPerOp();
            if (perOp != null) {
                line.add("servers msgs-per-op " + String.format(java.util.Locale.ROOT, "%.2f", perOp));
            }
        }
        line.add(latencies("stable-latencies", workload.stableLatencies()));
        line.add("lost " + workload.lostCount());
        if (workload.lostLatencies() != null) {
            line.add(latencies("lost-latencies", workload.lostLatencies()));
        }
        line.add("never-read " + workload.neverReadCount());
        if (workload.duplicatedCount() > 0) {
            line.add("duplicated " + workload.duplicatedCount());
        }
        return line.toString();
    }

    private static String latencies(String name, Map<Double, Long> quantiles) {
        if (quantiles == null) {
            return name + " none";
        }
        StringJoiner points = new StringJoiner("/");
        StringJoiner values = new StringJoiner("/");
        quantiles.forEach((p, ms) -> {
            points.add(EdnWriter.compact(quantileKey(p)));
            values.add(String.valueOf(ms));
        });
        return name + " " + points + " = " + values + " ms";
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

    private static Map<Object, Object> workload(WorkloadResult w) {
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

    private static Object validity(WorkloadResult.Validity v) {
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
