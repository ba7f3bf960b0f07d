package io.glomers.frontier;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The cells the adaptive sweep runs. The full factorial grid of the issue (4 node counts x 6
 * latencies x 3 distributions x 3 rates x with and without partitions, 432 cells) would take a day,
 * so the default grid is a core and four slices: every value of every dimension appears, and the
 * interactions that move the best setting most (node count with latency and its tail) are crossed
 * in full.
 */
final class SweepGrid {

    static final List<Integer> NODE_COUNTS = List.of(5, 10, 25, 50);
    static final List<Long> LATENCIES = List.of(0L, 10L, 50L, 100L, 200L, 400L);
    static final List<String> DISTRIBUTIONS = List.of("constant", "uniform", "exponential");
    static final List<Double> RATES = List.of(10.0, 100.0, 500.0);

    private SweepGrid() {
    }

    /**
     * Core: every node count x latency, constant and exponential, at rate 100 (a zero latency is the
     * same under every distribution, so it is run once). Slices: uniform latency, rate 10, rate 500,
     * and partitions, four cells each; each partitioned cell's twin without partitions is in the core.
     */
    static List<Cell> defaults() {
        List<Cell> cells = new ArrayList<>();
        for (int nodes : NODE_COUNTS) {
            for (long latency : LATENCIES) {
                cells.add(new Cell(nodes, latency, "constant", 100, false));
                if (latency > 0) {
                    cells.add(new Cell(nodes, latency, "exponential", 100, false));
                }
            }
        }
        cells.addAll(List.of(
                new Cell(10, 50, "uniform", 100, false), new Cell(25, 100, "uniform", 100, false),
                new Cell(25, 200, "uniform", 100, false), new Cell(50, 400, "uniform", 100, false),
                new Cell(5, 100, "constant", 10, false), new Cell(25, 100, "constant", 10, false),
                new Cell(25, 200, "exponential", 10, false), new Cell(50, 50, "exponential", 10, false),
                new Cell(10, 50, "constant", 500, false), new Cell(25, 100, "constant", 500, false),
                new Cell(25, 200, "exponential", 500, false), new Cell(50, 100, "constant", 500, false),
                new Cell(5, 0, "constant", 100, true), new Cell(10, 50, "exponential", 100, true),
                new Cell(25, 100, "constant", 100, true), new Cell(50, 200, "constant", 100, true)));
        return cells;
    }

    /** Three cells for a look in a few minutes: 3d itself, a small fast network, a slow heavy-tailed one. */
    static List<Cell> quick() {
        return List.of(new Cell(25, 100, "constant", 100, false), new Cell(5, 0, "constant", 100, false),
                new Cell(10, 200, "exponential", 100, false));
    }

    /** The cells whose arguments ({@code 3d --node-count 25 --latency 100 ...}) contain a match of {@code regex}. */
    static List<Cell> matching(List<Cell> cells, String regex) {
        Pattern pattern = Pattern.compile(regex);
        return cells.stream().filter(cell -> pattern.matcher(cell.toString()).find()).toList();
    }
}
