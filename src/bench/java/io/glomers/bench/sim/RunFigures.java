package io.glomers.bench.sim;

import io.glomers.bench.run.BenchResult;
import io.glomers.bench.check.ClientLatencies;
import io.glomers.bench.check.HistoryReader;
import io.glomers.bench.check.MaelstromResults;
import io.glomers.bench.check.NetStats;
import io.glomers.bench.check.WorkloadResult;
import io.glomers.bench.history.Op;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The figures a run is judged by and that the bench must predict: operations, servers msgs-per-op,
 * the stable-latency median and maximum, and the client operations' median latency (broadcast,
 * read, both). Read the same way from a bench run and from a real Maelstrom run's files. Beside them the
 * stale share, the part of the stable values some read missed: where it is near one half the median is
 * a knee (0 or the stale values' lowest latencies, from one run to the next), and the share is the
 * figure that says whether the bench is right there.
 */
public record RunFigures(long operations, double serversMsgsPerOp, long stableMedian, long stableMax,
                         double clientMedian, double broadcastMedian, double readMedian, double staleShare) {

    public static RunFigures of(BenchResult result) {
        ClientLatencies clients = ClientLatencies.of(result.history());
        Map<Double, Long> stable = result.outcome().stableLatencies();
        return new RunFigures(result.operations(), result.net().serversPerOp(),
                stable.getOrDefault(0.5, 0L), stable.getOrDefault(1.0, 0L), clients.median(),
                clients.broadcastMedian(), clients.readMedian(),
                share(result.outcome().staleCount(), result.outcome().stableCount()));
    }

    /** A real Maelstrom run: its {@code results.edn} and {@code history.edn(.gz)}. */
    public static RunFigures ofMaelstromRun(Path dir) {
        List<Op> history = HistoryReader.read(dir.resolve("history.edn"));
        Map<?, ?> results = MaelstromResults.read(dir.resolve("results.edn"));
        long ops = NetStats.clientOps(history);
        NetStats net = MaelstromResults.net(results, ops);
        WorkloadResult workload = MaelstromResults.workload(results);
        ClientLatencies clients = ClientLatencies.of(history);
        return new RunFigures(ops, net.serversMsgsPerOp(), workload.stableLatencies().getOrDefault(0.5, 0L),
                workload.stableLatencies().getOrDefault(1.0, 0L), clients.median(), clients.broadcastMedian(),
                clients.readMedian(), share(workload.staleCount(), workload.stableCount()));
    }

    /** The mean of several runs' figures (runs of one setting over several seeds). */
    public static RunFigures mean(List<RunFigures> runs) {
        return new RunFigures(Math.round(runs.stream().mapToLong(RunFigures::operations).average().orElse(0)),
                runs.stream().mapToDouble(RunFigures::serversMsgsPerOp).average().orElse(0),
                Math.round(runs.stream().mapToLong(RunFigures::stableMedian).average().orElse(0)),
                Math.round(runs.stream().mapToLong(RunFigures::stableMax).average().orElse(0)),
                runs.stream().mapToDouble(RunFigures::clientMedian).average().orElse(0),
                runs.stream().mapToDouble(RunFigures::broadcastMedian).average().orElse(0),
                runs.stream().mapToDouble(RunFigures::readMedian).average().orElse(0),
                runs.stream().mapToDouble(RunFigures::staleShare).average().orElse(0));
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
