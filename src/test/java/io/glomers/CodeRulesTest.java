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
import java.util.LinkedHashMap;
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
 * the bench's at most 300), no method over 50 lines in either, and a bench root that is not a drawer. What breaks a rule today is listed here by name, so that nothing new may break it
 * and a fix must take its entry out: the lists only shrink.
 */
class CodeRulesTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Path BENCH = Path.of("src/bench/java");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?((?:[a-z]\\w*\\.)+)[A-Z]", Pattern.MULTILINE);

    private static final int MAX_METHOD_LINES = 50;
    /** A method or constructor declaration; the name is group 1 (after a type) or 2 (a constructor). */
    private static final Pattern METHOD = Pattern.compile("^\\s*(?:(?:public|protected|private|static|final|abstract|synchronized|default|native)\\s+)*"
            + "(?:<[^>]*>\\s+)?(?:[\\w.\\[\\]?]+(?:<.*>)?(?:\\[\\])*\\s+(\\w+)|([A-Z]\\w*))\\s*\\(");
    /** Lines the declaration pattern also matches: statements, type declarations, assignments. */
    private static final Pattern NOT_A_METHOD = Pattern.compile(
            "^\\s*(?:return|new|throw|else|yield|case|assert)\\b|^[^(]*\\b(?:record|class|interface|enum)\\s|^[^(]*=");
    private static final Pattern LITERAL_OR_COMMENT = Pattern.compile(
            "\"\"\"[\\s\\S]*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])+'|//[^\\n]*|/\\*[\\s\\S]*?\\*/");

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
    void methodsStayShort() {
        Set<String> longMethods = new TreeSet<>();
        Stream.of(MAIN, BENCH).forEach(root -> javaFiles(root).forEach(file -> methodLengths(read(file)).forEach((method, length) -> {
            if (length > MAX_METHOD_LINES) {
                longMethods.add(root.relativize(file) + " " + method + " (" + length + " lines)");
            }
        })));

        assertThat(longMethods).as("methods over " + MAX_METHOD_LINES + " lines").isEmpty();
    }

    @Test
    void theMethodMeasureCountsFromTheDeclarationToItsClosingBrace() {
        String code = """
                class A {
                    private static String braces(int n) throws java.io.IOException {
                        String s = "{ not a block";
                        char c = '}';
                        // } nor this
                        return s + c;
                    }

                    A(int n) {
                        if (n > 0) {
                            n--;
                        }
                    }
                }
                """;

        assertThat(methodLengths(code)).containsExactly(Map.entry("braces:2", 6), Map.entry("A:9", 5));
    }

    /**
     * Each method or constructor (name:line) with its length in lines, from its declaration to its
     * closing brace; string and character literals and comments are blanked out first, so that a
     * brace inside them is not counted.
     */
    private static Map<String, Integer> methodLengths(String code) {
        String[] lines = blankLiteralsAndComments(code).split("\n", -1);
        Map<String, Integer> lengths = new LinkedHashMap<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher declaration = METHOD.matcher(lines[i]);
            if (!declaration.find() || NOT_A_METHOD.matcher(lines[i]).find()) {
                continue;
            }
            int end = closingLine(lines, i);
            if (end >= 0) {
                String name = declaration.group(1) != null ? declaration.group(1) : declaration.group(2);
                lengths.put(name + ":" + (i + 1), end - i + 1);
            }
        }
        return lengths;
    }

    /** The line whose brace closes the block opened after a declaration, or -1 when a ';' ends it first (an abstract method). */
    private static int closingLine(String[] lines, int from) {
        int depth = 0;
        boolean opened = false;
        for (int i = from; i < lines.length; i++) {
            for (char c : lines[i].toCharArray()) {
                if (!opened && c == ';') {
                    return -1;
                }
                if (c == '{') {
                    depth++;
                    opened = true;
                } else if (c == '}' && --depth == 0 && opened) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String blankLiteralsAndComments(String code) {
        StringBuilder out = new StringBuilder(code.length());
        Matcher m = LITERAL_OR_COMMENT.matcher(code);
        int at = 0;
        while (m.find()) {
            out.append(code, at, m.start()).append(m.group().replaceAll("[^\n]", " "));
            at = m.end();
        }
        return out.append(code.substring(at)).toString();
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
