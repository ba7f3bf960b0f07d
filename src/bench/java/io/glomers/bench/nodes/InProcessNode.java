package io.glomers.bench.nodes;

import io.glomers.BroadcastNodeApplication;
import io.glomers.runtime.Inbox;
import io.glomers.runtime.LineSink;
import java.util.function.Consumer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Our node in this JVM: one Spring context per node, stdin replaced by direct calls to its
 * {@link Inbox}, stdout by a {@link LineSink} that feeds the network. Same code as the jar, no JVM
 * start-up, so multi-node runs fit in a unit test.
 */
public final class InProcessNode implements BenchNode {

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
                .properties("node.runtime.read-stdin=false", "spring.main.banner-mode=off")
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("benchLineSink", sink))
                .run(arguments);
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
