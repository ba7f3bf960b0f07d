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
    private ConfigurableApplicationContext context;
    private Inbox inbox;

    public InProcessNode(String id) {
        this.id = id;
    }

    public static NodeFactory factory() {
        return (id, logDir) -> new InProcessNode(id);
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
                .run();
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
