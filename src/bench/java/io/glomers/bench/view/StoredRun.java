package io.glomers.bench.view;

import io.glomers.bench.check.EdnFiles;
import io.glomers.bench.check.Keyword;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run in the store as its {@code results.edn} describes it: what the run list and the pictures'
 * titles show. Reads our bench's results and real Maelstrom's alike (Maelstrom's have no
 * {@code :bench} section: the part is then the directory above the run's).
 *
 * @param dir             the run's directory
 * @param path            the directory relative to the store, with forward slashes ({@code 3b/20261201T203256.560})
 * @param stamp           the directory's name, the run's start (UTC)
 * @param valid           true, false, or null for Jepsen's {@code :unknown}
 * @param stableLatencies quantile -> ms; empty when the checker gave none
 * @param failure         why the run could not be judged (a setup failure or protocol violation), or null
 */
public record StoredRun(Path dir, String path, String part, String stamp, Boolean valid, Long seed, Long operations,
                        Double serversMsgsPerOp, Double allMsgsPerOp, Map<Double, Long> stableLatencies,
                        Long lostCount, List<Long> lost, Long neverReadCount, String failure) {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Reads {@code dir/results.edn}; {@code store} is the root the path is given from. */
    public static StoredRun read(Path store, Path dir) {
        String path = store.relativize(dir).toString().replace('\\', '/');
        Path parent = dir.getParent();
        String partFromPath = parent == null || parent.equals(store) ? "?" : parent.getFileName().toString();
        Map<?, ?> results = Files.exists(dir.resolve(RunFiles.RESULTS))
                && EdnFiles.readOne(dir.resolve(RunFiles.RESULTS)) instanceof Map<?, ?> map ? map : Map.of();
        Object validity = results.get(k("valid?"));
        Map<?, ?> bench = map(results, "bench");
        Map<?, ?> workload = map(results, "workload");
        Map<?, ?> net = map(results, "net");
        Map<Double, Long> latencies = new LinkedHashMap<>();
        if (workload.get(k("stable-latencies")) instanceof Map<?, ?> quantiles) {
            quantiles.forEach((q, ms) -> latencies.put(((Number) q).doubleValue(), ((Number) ms).longValue()));
        }
        return new StoredRun(dir, path, bench.get(k("part")) instanceof String part ? part : partFromPath,
                dir.getFileName().toString(), validity instanceof Boolean b ? b : null, number(bench, "seed"),
                number(bench, "operations"), decimal(map(net, "servers"), "msgs-per-op"),
                decimal(map(net, "all"), "msgs-per-op"), latencies, number(workload, "lost-count"),
                workload.get(k("lost")) instanceof Collection<?> lost
                        ? lost.stream().limit(20).map(v -> ((Number) v).longValue()).toList() : List.of(),
                number(workload, "never-read-count"), failure(bench));
    }

    /** "2026-12-01 20:32:56" from the directory's name, or the name itself when it is not a stamp. */
    public String shownTime() {
        try {
            return SHOWN.format(LocalDateTime.parse(stamp, STAMP));
        } catch (DateTimeParseException e) {
            return stamp;
        }
    }

    /** "VALID", "INVALID" or "UNKNOWN", as the terminal says it. */
    public String verdict() {
        return valid == null ? "UNKNOWN" : valid ? "VALID" : "INVALID";
    }

    public Optional<Long> latency(double quantile) {
        return Optional.ofNullable(stableLatencies.get(quantile));
    }

    /** "3b broadcast", the pictures' title. */
    public String title() {
        return part + " broadcast";
    }

    /** The pictures' second line: where the run is, its seed and verdict. */
    public String subtitle() {
        return path + (seed == null ? "" : ", seed " + seed) + ", " + verdict().toLowerCase();
    }

    private static String failure(Map<?, ?> bench) {
        if (bench.get(k("setup-failure")) instanceof String setup) {
            return setup;
        }
        if (bench.get(k("protocol-violations")) instanceof Collection<?> violations && !violations.isEmpty()) {
            return "protocol violation: " + violations.iterator().next()
                    + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "");
        }
        return null;
    }

    private static Keyword k(String name) {
        return Keyword.of(name);
    }

    private static Map<?, ?> map(Map<?, ?> m, String key) {
        return m.get(k(key)) instanceof Map<?, ?> inner ? inner : Map.of();
    }

    private static Long number(Map<?, ?> m, String key) {
        return m.get(k(key)) instanceof Number n ? n.longValue() : null;
    }

    private static Double decimal(Map<?, ?> m, String key) {
        return m.get(k(key)) instanceof Number n ? n.doubleValue() : null;
    }
}
