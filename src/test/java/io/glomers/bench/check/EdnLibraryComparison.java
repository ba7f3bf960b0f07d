package io.glomers.bench.check;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.Supplier;
import us.bpsm.edn.parser.CollectionBuilder;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;
import us.bpsm.edn.printer.Printers;

/**
 * The side-by-side measurement issue 21 asked for: us.bpsm:edn-java against the bench's own
 * {@link EdnReader} and {@link EdnWriter}. Speed: reading a synthesised 100,000-operation history
 * (as the bench writes history.edn, one op map a line). Fidelity: Maelstrom's own results.edn, read
 * and printed again, compared line by line with what Maelstrom wrote. Prints the figures that
 * docs/benchmarks.md keeps; run it as that page says.
 */
public final class EdnLibraryComparison {

    private static final int OPERATIONS = 100_000;
    private static final int WARM_UPS = 3;
    private static final int ROUNDS = 7;
    private static final List<String> REAL_RUNS =
            List.of("b5", "b5part", "b25", "neg", "node-3c", "node-3d-balanced", "node-3d-fast", "node-3d-lean",
            "node-3d-balanced-jvm-per-node", "node-3d-fast-jvm-per-node", "node-3d-lean-jvm-per-node");

    private EdnLibraryComparison() {
    }

    public static void main(String[] args) throws IOException {
        String history = syntheticHistory(OPERATIONS, new Random(21));
        System.out.printf(Locale.ROOT, "history: %,d operations, %,d characters, %,d lines%n", OPERATIONS,
                history.length(), history.lines().count());
        speed("check.EdnReader.readAll", () -> EdnReader.readAll(history).size());
        speed("edn-java Parser, default config", () -> readAllWithLibrary(history, Parsers.defaultConfiguration()));
        fidelity();
    }

    /**
     * Broadcasts of fresh values and reads, from 25 clients, each an invoke and its completion. A read
     * returns the latest 100 values broadcast (a real read returns all of them, which at 100,000
     * operations would make the file gigabytes: the per-token cost is what is measured).
     */
    static String syntheticHistory(int operations, Random random) {
        StringBuilder out = new StringBuilder(operations * 120);
        long nextValue = 0;
        long time = 0;
        for (int index = 0; index < operations; index += 2) {
            int process = random.nextInt(25);
            boolean broadcast = random.nextBoolean();
            time += 1 + random.nextInt(10_000_000);
            String f = broadcast ? ":broadcast" : ":read";
            String invokeValue = broadcast ? String.valueOf(nextValue) : "nil";
            line(out, index, time, ":invoke", process, f, invokeValue);
            String okValue = invokeValue;
            if (!broadcast) {
                StringJoiner read = new StringJoiner(" ", "[", "]");
                for (long v = Math.max(0, nextValue - 100); v < nextValue; v++) {
                    read.add(String.valueOf(v));
                }
                okValue = read.toString();
            } else {
                nextValue++;
            }
            line(out, index + 1, time + 1 + random.nextInt(5_000_000), ":ok", process, f, okValue);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, int index, long time, String type, int process, String f, String value) {
        out.append("{:index ").append(index).append(", :time ").append(time).append(", :type ").append(type)
                .append(", :process ").append(process).append(", :f ").append(f).append(", :value ").append(value)
                .append("}\n");
    }

    private static int readAllWithLibrary(String text, Parser.Config config) {
        Parser parser = Parsers.newParser(config);
        var input = Parsers.newParseable(text);
        int forms = 0;
        while (parser.nextValue(input) != Parser.END_OF_INPUT) {
            forms++;
        }
        return forms;
    }

    private static void speed(String name, Supplier<Integer> read) {
        for (int i = 0; i < WARM_UPS; i++) {
            read.get();
        }
        long[] millis = new long[ROUNDS];
        int forms = 0;
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            forms = read.get();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "read %-34s %,d forms: median %d ms, best %d ms (%d rounds after %d warm-ups)%n",
                name, forms, millis[ROUNDS / 2], millis[0], ROUNDS, WARM_UPS);
    }

    private static void fidelity() throws IOException {
        Parser.Config ordered = Parsers.newParserConfigBuilder().setMapFactory(EdnLibraryComparison::orderedMaps).build();
        Map<String, Function<String, String>> printers = new LinkedHashMap<>();
        printers.put("check.EdnReader + ResultsEdn.layout", text -> ResultsEdn.layout(EdnReader.readOne(text)));
        printers.put("edn-java default parse + pretty printer",
                text -> Printers.printString(Printers.prettyPrinterProtocol(), readOneWithLibrary(text, Parsers.defaultConfiguration())));
        printers.put("edn-java ordered maps + pretty printer",
                text -> Printers.printString(Printers.prettyPrinterProtocol(), readOneWithLibrary(text, ordered)));
        printers.put("edn-java ordered maps + compact printer",
                text -> Printers.printString(Printers.defaultPrinterProtocol(), readOneWithLibrary(text, ordered)));
        for (Map.Entry<String, Function<String, String>> printer : printers.entrySet()) {
            int identicalFiles = 0;
            long sameLines = 0;
            long lines = 0;
            for (String run : REAL_RUNS) {
                String written = Files.readString(MaelstromRuns.dir(run).resolve("results.edn"));
                String printed = printer.getValue().apply(written);
                identicalFiles += printed.equals(written) ? 1 : 0;
                sameLines += sameLines(written, printed);
                lines += written.lines().count();
            }
            System.out.printf(Locale.ROOT, "results.edn %-44s %d of %d files identical, %,d of %,d lines as Maelstrom wrote them%n",
                    printer.getKey(), identicalFiles, REAL_RUNS.size(), sameLines, lines);
        }
    }

    private static Object readOneWithLibrary(String text, Parser.Config config) {
        return Parsers.newParser(config).nextValue(Parsers.newParseable(text));
    }

    /** Lines of {@code written} that {@code printed} has too, each counted as often as both have it. */
    private static long sameLines(String written, String printed) {
        Map<String, Integer> left = new HashMap<>();
        printed.lines().forEach(line -> left.merge(line, 1, Integer::sum));
        long same = 0;
        for (String line : written.lines().toList()) {
            if (left.getOrDefault(line, 0) > 0) {
                left.merge(line, -1, Integer::sum);
                same++;
            }
        }
        return same;
    }

    /** edn-java's maps keep no order by default; this keeps the file's, so the printers are compared fairly. */
    private static CollectionBuilder orderedMaps() {
        List<Object> keysAndValues = new ArrayList<>();
        return new CollectionBuilder() {
            @Override
            public void add(Object o) {
                keysAndValues.add(o);
            }

            @Override
            public Object build() {
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < keysAndValues.size(); i += 2) {
                    map.put(keysAndValues.get(i), keysAndValues.get(i + 1));
                }
                return map;
            }
        };
    }
}
