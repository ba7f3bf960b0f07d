package io.glomers.bench.nodes;

import io.glomers.BroadcastNodeApplication;
import io.glomers.runtime.Inbox;
import io.glomers.runtime.LineSink;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Our node in this JVM: one Spring context per node, stdin replaced by direct calls to its
 * {@link Inbox}, stdout by a {@link LineSink} that feeds the network. Same code as the jar, no JVM
 * start-up, so multi-node runs fit in a unit test.
 */
public final class InProcessNode implements BenchNode {

    /**
     * The argument that keeps a node context in the bench's JVM off the JVM's stdin. An argument, not
     * a builder property: config/ (found when the bench runs from the project's root) turns reading
     * on, and outranks builder properties, so every node would have pumped the bench's own stdin.
     */
    public static final String NO_STDIN = "--node.runtime.read-stdin=false";

    private final String id;
    private final String[] arguments;
    private ConfigurableApplicationContext context;
    private Inbox inbox;

    public InProcessNode(String id, String... arguments) {
        this.id = id;
        this.arguments = arguments;
    }

    public static NodeFactory factory() {
        return (id, logDir) -> new InProcessNode(id);
    }

    /** Nodes started with these command-line arguments, e.g. {@code --broadcast.relay.min-interval=200ms}. */
    public static NodeFactory factory(java.util.List<String> arguments) {
        String[] copy = arguments.toArray(String[]::new);
        return (id, logDir) -> new InProcessNode(id, copy);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void start(Consumer<String> output) {
        LineSink sink = output::accept;
        context = new SpringApplicationBuilder(BroadcastNodeApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off")
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("benchLineSink", sink))
                .run(Stream.concat(Stream.of(NO_STDIN), Arrays.stream(arguments)).toArray(String[]::new));
        inbox = context.getBean(Inbox.class);
    }

    @Override
    public void deliver(String line) {
        inbox.accept(line);
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
    }
}
