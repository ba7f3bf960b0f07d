package io.glomers.frontier;

import io.glomers.bench.run.BenchOptions;
import io.glomers.bench.run.BenchResult;
import io.glomers.bench.run.BenchRunner;
import io.glomers.bench.check.ClientLatencies;
import io.glomers.bench.options.RunArguments;
import io.glomers.bench.nodes.InProcessNode;
import io.glomers.bench.sim.SimRun;
import io.glomers.bench.sim.SimNodeFactory;
import io.glomers.bench.sim.VirtualScheduler;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The messages/latency frontier of our node: part 3d's load (25 nodes, rate 100, latency 100)
 * for a sweep of batching settings, each run checked by the bench. Prints a markdown table and
 * draws {@code docs/frontier.png} beside the published results.
 *
 * <pre>
 * java -cp ... io.glomers.frontier.FrontierSweep [--real-time] [--seed S] [--out docs/frontier.png]
 * </pre>
 * By default the runs are simulated (virtual time, seconds for the whole sweep); {@code --real-time}
 * runs the same points on the real-time bench with in-process nodes (about 35 s each).
 */
public final class FrontierSweep {

    static final List<Setting> SWEEP = List.of(
            Setting.direct(0).labelled("direct (fast)"),
            Setting.star(50, 0), Setting.star(90, 0), Setting.star(150, 0), Setting.star(250, 0), Setting.star(400, 0),
            Setting.star(500, 400), Setting.star(800, 600), Setting.star(1200, 800));

    private FrontierSweep() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        System.setOut(System.err);
        boolean realTime = List.of(args).contains("--real-time");
        long seed = 1;
        Path png = Path.of("docs/frontier.png");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seed")) {
                seed = Long.parseLong(args[++i]);
            } else if (args[i].equals("--out")) {
                png = Path.of(args[++i]);
            }
        }
        List<FrontierPlot.Point> points = new ArrayList<>(FrontierPlot.published());
        out.println("| setting | servers msgs-per-op | median ms | max ms | client median ms | valid |");
        out.println("|---|---|---|---|---|---|");
        for (Setting setting : SWEEP) {
            BenchResult result = realTime ? runRealTime(setting, seed) : runSimulated(setting, seed);
            double perOp = result.net().serversPerOp();
            long median = result.outcome().stableLatencies().get(0.5);
            long max = result.outcome().stableLatencies().get(1.0);
            double clients = ClientLatencies.of(result.history()).median();
            out.printf(Locale.ROOT, "| %s | %.2f | %d | %d | %.1f | %s |%n", setting.label(), perOp, median, max, clients,
                    result.valid());
            out.flush();
            points.add(new FrontierPlot.Point(setting.label(), perOp, median, max, true));
        }
        Files.createDirectories(png.toAbsolutePath().getParent());
        FrontierPlot.write(points, "Broadcast frontier, 3d load (25 nodes, rate 100, latency 100), "
                + (realTime ? "real-time bench" : "simulated bench") + ", seed " + seed, png);
        out.println("wrote " + png);
        out.flush();
        System.exit(0);
    }

    private static BenchResult runSimulated(Setting setting, long seed) throws Exception {
        VirtualScheduler scheduler = new VirtualScheduler();
        SimNodeFactory nodes = new SimNodeFactory("", setting.properties().toArray(String[]::new));
        return SimRun.runner(options(seed), nodes, scheduler, node -> { }, BenchRunner.defaultChecker(), quiet()).run();
    }

    private static BenchResult runRealTime(Setting setting, long seed) throws Exception {
        List<String> arguments = setting.properties().stream().map(property -> "--" + property).toList();
        return new BenchRunner(options(seed), InProcessNode.factory(arguments), BenchRunner.defaultChecker(), quiet()).run();
    }

    private static BenchOptions options(long seed) {
        return RunArguments.parse(List.of("3d", "--in-process", "--seed", Long.toString(seed),
                "--store", "target/frontier-runs"), seed);
    }

    private static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }
}
