package io.glomers.bench.soak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a command (a bench run through the launcher) and samples the RSS and CPU of every node
 * process it starts, and of the bench JVM itself, from {@code /proc} at a fixed interval; at the end
 * prints RSS over time, each node's RSS growth per minute after the first minute (least squares),
 * CPU, and the nodes' GC pause time read from their logs (run with
 * {@code BROADCAST_NODE_JAVA_OPTS=-Xlog:gc:stderr}). A benchmark that prints figures for
 * docs/benchmarks.md, not a test. Linux only.
 *
 * <pre>
 * BROADCAST_NODE_JAVA_OPTS=-Xlog:gc:stderr java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
 *     io.glomers.bench.soak.ResourceSampler --interval 10 -- bin/challenge 3d --time-limit 600
 * </pre>
 */
public final class ResourceSampler {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private static final Pattern STORED = Pattern.compile("\\((store/[^)]+)\\)");
    private static final Pattern GC_PAUSE = Pattern.compile("\\[gc\\s*\\].*Pause.* (\\d+(?:\\.\\d+)?)ms");

    /** One process's samples: seconds since start, RSS in KB, CPU ticks (user + system). */
    private record Series(String name, List<double[]> samples) {
    }

    private ResourceSampler() {
    }

    public static void main(String[] args) throws Exception {
        int separator = Arrays.asList(args).indexOf("--");
        if (separator < 0) {
            System.err.println("usage: ResourceSampler [--interval SECONDS] -- COMMAND...");
            System.exit(2);
        }
        long intervalMillis = separator >= 2 && args[0].equals("--interval") ? Long.parseLong(args[1]) * 1000 : 10_000;
        List<String> command = Arrays.asList(args).subList(separator + 1, args.length);
        Process run = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> output = new ArrayList<>();
        Thread pump = new Thread(() -> copy(run, output), "stdout");
        pump.start();
        long started = System.nanoTime();
        Map<Long, Series> series = new LinkedHashMap<>();
        while (run.isAlive()) {
            double at = (System.nanoTime() - started) / 1e9;
            sample(run, at, series);
            run.waitFor(intervalMillis, TimeUnit.MILLISECONDS);
        }
        pump.join();
        report(series, output, run.exitValue());
        System.exit(run.exitValue());
    }

    private static void copy(Process run, List<String> output) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                System.out.println(line);
                synchronized (output) {
                    output.add(line);
                }
            }
        } catch (IOException e) {
            System.err.println("sampler: lost the command's output: " + e);
        }
    }

    private static void sample(Process run, double at, Map<Long, Series> series) {
        run.descendants().forEach(process -> {
            String commandLine = commandLine(process.pid());
            // The launcher's shared JVM runs every node (io.glomers.host); BROADCAST_NODE_SHARED_JVM=0 gives one each.
            String name = commandLine.contains("-Dbroadcast.host.port-file=") ? "shared JVM of the nodes, pid " + process.pid()
                    : commandLine.contains("broadcast-node.jar") ? "node pid " + process.pid()
                    : commandLine.contains("io.glomers.bench.cli.ChallengeMain") ? "bench" : null;
            if (name == null) {
                return;
            }
            long[] stat = procStat(process.pid());
            if (stat != null) {
                series.computeIfAbsent(process.pid(), pid -> new Series(name, new ArrayList<>()))
                        .samples().add(new double[] {at, stat[0], stat[1]});
            }
        });
    }

    // From /proc itself: ProcessHandle.Info cuts long command lines (the bench's class path) short.
    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** RSS in KB and user + system CPU ticks, or null when the process is gone. */
    private static long[] procStat(long pid) {
        try {
            long rss = -1;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // Fields 14 and 15 of stat (utime, stime), counted from after the command name (field 3 is index 0).
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return rss < 0 ? null : new long[] {rss, ticks};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void report(Map<Long, Series> series, List<String> output, int exit) throws IOException {
        List<Series> nodes = series.values().stream().filter(s -> s.name().startsWith("node")).toList();
        Series bench = series.values().stream().filter(s -> s.name().equals("bench")).findFirst().orElse(null);
        System.out.printf(Locale.ROOT, "%nsampler: exit %d, %d node processes sampled%n", exit, nodes.size());
        double end = series.values().stream().flatMap(s -> s.samples().stream()).mapToDouble(s -> s[0]).max().orElse(0);
        perMinute(nodes, bench, end);
        List<Double> slopes = new ArrayList<>();
        List<Double> peaks = new ArrayList<>();
        for (Series node : nodes) {
            double slope = slopeAfterFirstMinute(node);
            if (!Double.isNaN(slope)) {
                slopes.add(slope);
            }
            peaks.add(node.samples().stream().mapToDouble(s -> s[1]).max().orElse(0) / 1024);
        }
        slopes.sort(null);
        peaks.sort(null);
        if (!slopes.isEmpty()) {
            System.out.printf(Locale.ROOT, "node RSS growth after the first minute (least squares): median %.3f MB/min, max %.3f MB/min, min %.3f MB/min%n",
                    slopes.get(slopes.size() / 2), slopes.get(slopes.size() - 1), slopes.get(0));
        }
        if (!peaks.isEmpty()) {
            System.out.printf(Locale.ROOT, "node peak RSS: median %.1f MB, max %.1f MB%n", peaks.get(peaks.size() / 2), peaks.get(peaks.size() - 1));
        }
        if (bench != null) {
            System.out.printf(Locale.ROOT, "bench JVM RSS: first minute %.1f MB, peak %.1f MB, last %.1f MB%n",
                    lastIn(bench, -1, 60) == null ? 0 : lastIn(bench, -1, 60)[1] / 1024,
                    bench.samples().stream().mapToDouble(s -> s[1]).max().orElse(0) / 1024,
                    bench.samples().get(bench.samples().size() - 1)[1] / 1024);
        }
        gcReport(output);
    }

    /** One line per minute: the nodes' RSS (median, max), the bench's, and the nodes' CPU. */
    private static void perMinute(List<Series> nodes, Series bench, double end) {
        System.out.println("minute  nodes  node RSS MB median / max   bench RSS MB   nodes CPU % of one core (sum)");
        for (int minute = 0; minute <= (int) (end / 60); minute++) {
            double from = minute * 60.0;
            double to = from + 60;
            List<Double> rss = new ArrayList<>();
            double cpuTicks = 0;
            for (Series node : nodes) {
                double[] last = lastIn(node, from, to);
                double[] first = lastIn(node, -1, from);
                if (last != null) {
                    rss.add(last[1] / 1024);
                    cpuTicks += last[2] - (first == null ? 0 : first[2]);
                }
            }
            double[] benchLast = bench == null ? null : lastIn(bench, from, to);
            rss.sort(null);
            if (!rss.isEmpty()) {
                System.out.printf(Locale.ROOT, "%6d  %5d  %8.1f / %-8.1f        %8.1f   %6.1f%n", minute, rss.size(),
                        rss.get(rss.size() / 2), rss.get(rss.size() - 1), benchLast == null ? 0 : benchLast[1] / 1024,
                        100.0 * cpuTicks / TICKS_PER_SECOND / Math.min(60, end - from));
            }
        }
    }

    private static double[] lastIn(Series series, double from, double to) {
        double[] found = null;
        for (double[] sample : series.samples()) {
            if (sample[0] > from && sample[0] <= to) {
                found = sample;
            }
        }
        return found;
    }

    /** MB per minute, least squares over the samples after the first minute; NaN with fewer than 3. */
    private static double slopeAfterFirstMinute(Series node) {
        double t0 = node.samples().get(0)[0];
        List<double[]> later = node.samples().stream().filter(s -> s[0] >= t0 + 60).toList();
        if (later.size() < 3) {
            return Double.NaN;
        }
        double n = later.size();
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (double[] s : later) {
            double x = s[0] / 60;
            double y = s[1] / 1024;
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    private static void gcReport(List<String> output) throws IOException {
        Path dir = null;
        synchronized (output) {
            for (String line : output) {
                Matcher stored = STORED.matcher(line);
                if (stored.find()) {
                    dir = Path.of(stored.group(1));
                }
            }
        }
        if (dir == null || !Files.isDirectory(dir.resolve("node-logs"))) {
            System.out.println("GC: no run directory in the output, or no node logs");
            return;
        }
        List<Double> totals = new ArrayList<>();
        long pauses = 0;
        double worst = 0;
        try (Stream<Path> logs = Files.list(dir.resolve("node-logs"))) {
            for (Path log : logs.toList()) {
                double total = 0;
                for (String line : Files.readAllLines(log)) {
                    Matcher pause = GC_PAUSE.matcher(line);
                    if (pause.find()) {
                        double ms = Double.parseDouble(pause.group(1));
                        total += ms;
                        worst = Math.max(worst, ms);
                        pauses++;
                    }
                }
                totals.add(total);
            }
        }
        totals.sort(null);
        if (pauses == 0) {
            System.out.println("GC: no pauses logged (run with BROADCAST_NODE_JAVA_OPTS=-Xlog:gc:stderr)");
            return;
        }
        System.out.printf(Locale.ROOT, "GC pauses per node (%s): median %.0f ms, max %.0f ms in total; %d pauses, longest %.1f ms%n",
                dir, totals.get(totals.size() / 2), totals.get(totals.size() - 1), pauses, worst);
    }
}
