package io.glomers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules the code keeps (issue 21): no cycle between packages, small classes (the node's at most 250 lines,
 * the bench's at most 300), and a bench root that is not a drawer. What breaks a rule today is listed here by name, so that nothing new may break it
 * and a fix must take its entry out: the lists only shrink.
 */
class CodeRulesTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Path BENCH = Path.of("src/bench/java");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?((?:[a-z]\\w*\\.)+)[A-Z]", Pattern.MULTILINE);

    /** Package cycles still to be broken: none. */
    private static final Set<Set<String>> KNOWN_CYCLES = Set.of();

    /** Classes still over their size (issue 21). */
    private static final Set<String> KNOWN_LARGE = Set.of();

    @Test
    void packagesDependOnEachOtherWithoutCycles() {
        Map<String, Set<String>> uses = new TreeMap<>();
        Stream.of(MAIN, BENCH).flatMap(CodeRulesTest::javaFiles).forEach(file -> {
            String text = read(file);
            Matcher pkg = PACKAGE.matcher(text);
            if (!pkg.find()) {
                return;
            }
            Set<String> used = uses.computeIfAbsent(pkg.group(1), p -> new TreeSet<>());
            Matcher imported = IMPORT.matcher(text);
            while (imported.find()) {
                String target = imported.group(1).substring(0, imported.group(1).length() - 1);
                if (target.startsWith("io.glomers") && !target.equals(pkg.group(1))) {
                    used.add(target);
                }
            }
        });

        assertThat(cycles(uses)).as("package cycles (strongly connected packages)").isEqualTo(KNOWN_CYCLES);
    }

    @Test
    void classesStaySmall() {
        Set<String> large = new TreeSet<>();
        javaFiles(MAIN).filter(file -> lines(file) > 250).forEach(file -> large.add(MAIN.relativize(file).toString()));
        javaFiles(BENCH).filter(file -> lines(file) > 300).forEach(file -> large.add(BENCH.relativize(file).toString()));

        assertThat(large).as("classes over 250 lines (node) or 300 (bench)").isEqualTo(KNOWN_LARGE);
    }

    /** The bench's classes live in rooms whose names say what they hold; its root is not a drawer. */
    @Test
    void theBenchsRootHoldsAtMostThreeFiles() throws IOException {
        Path root = BENCH.resolve("io/glomers/bench");
        try (Stream<Path> files = Files.list(root)) {
            assertThat(files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).toList())
                    .as("files at the root of io.glomers.bench").hasSizeLessThanOrEqualTo(3);
        }
    }

    @Test
    void theCycleFinderFindsACycle() {
        Map<String, Set<String>> uses = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));

        assertThat(cycles(uses)).containsExactly(Set.of("a", "b", "c"));
    }

    /** Tarjan's strongly connected components of more than one package. */
    private static Set<Set<String>> cycles(Map<String, Set<String>> uses) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        Set<Set<String>> found = new HashSet<>();
        for (String start : uses.keySet()) {
            if (!index.containsKey(start)) {
                connect(start, uses, index, low, stack, onStack, found);
            }
        }
        return found;
    }

    private static void connect(String v, Map<String, Set<String>> uses, Map<String, Integer> index, Map<String, Integer> low,
                                Deque<String> stack, Set<String> onStack, Set<Set<String>> found) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : uses.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, uses, index, low, stack, onStack, found);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                found.add(Set.copyOf(component));
            }
        }
    }

    private static Stream<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        return read(file).lines().count();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
