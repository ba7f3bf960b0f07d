package io.glomers.bench.nodes;

import java.nio.file.Path;

/** Makes the node with a given id; {@code logDir} is where it may put its stderr. */
@FunctionalInterface
public interface NodeFactory {

    BenchNode create(String id, Path logDir);
}
