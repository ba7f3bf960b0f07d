package io.glomers.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.GenericApplicationContext;

/**
 * A node that shares its JVM with others ends alone when only it is broken; a broken JVM still halts,
 * whoever shares it (a node's halt in the shared JVM took every node of the machine with it).
 */
class SharedJvmCrashPolicyTest {

    private final AtomicInteger nodeEnded = new AtomicInteger();
    private final List<Integer> halts = new ArrayList<>();

    @Test
    void aNodeWhoseStdoutIsGoneEndsAloneInASharedJvm() {
        CrashPolicy policy = hosted();
        policy.fatal("while answering a broadcast", new UncheckedIOException("stdout is gone", new java.io.IOException()));

        assertThat(nodeEnded).hasValue(1);
        assertThat(halts).isEmpty();
    }

    /**
     * A killed node's context closes while its event loop may still be finishing a task, whose reply then
     * fails on the closed stdout: the node still ends alone. Looked up at that moment, the hosted process
     * was gone with the closed context, and the policy halted the shared JVM with every node in it (a
     * kill-and-pause run through the shared JVM lost 11 and 19 values that way: its host exited with 70).
     */
    @Test
    void aNodeWhoseContextIsAlreadyClosedStillEndsAlone() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.getBeanFactory().registerSingleton("hostedProcess", new HostedProcess(NodeProcess.current(),
                OutputStream.nullOutputStream(), nodeEnded::incrementAndGet));
        context.registerBean(CrashPolicy.class, () -> recording(context.getBeanProvider(HostedProcess.class)));
        context.refresh();
        CrashPolicy policy = context.getBean(CrashPolicy.class);
        context.close();

        policy.fatal("while answering a broadcast", new UncheckedIOException("stdout is gone", new java.io.IOException()));

        assertThat(halts).isEmpty();
        assertThat(nodeEnded).hasValue(1);
    }

    @Test
    void aBrokenJvmHaltsEvenWhenShared() {
        CrashPolicy policy = hosted();
        policy.fatal("in a handler", new InternalError("the JVM is broken"));

        assertThat(nodeEnded).hasValue(0);
        assertThat(halts).containsExactly(CrashPolicy.FATAL_STATUS);
    }

    @Test
    void aNodeThatIsItsJvmsOwnProcessHalts() {
        StaticListableBeanFactory none = new StaticListableBeanFactory();
        CrashPolicy policy = recording(none);
        policy.fatal("while answering a broadcast", new UncheckedIOException("stdout is gone", new java.io.IOException()));

        assertThat(halts).containsExactly(CrashPolicy.FATAL_STATUS);
    }

    private CrashPolicy hosted() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("hostedProcess", new HostedProcess(NodeProcess.current(), OutputStream.nullOutputStream(),
                nodeEnded::incrementAndGet));
        return recording(beans);
    }

    private CrashPolicy recording(StaticListableBeanFactory beans) {
        return recording(beans.getBeanProvider(HostedProcess.class));
    }

    private CrashPolicy recording(ObjectProvider<HostedProcess> hosted) {
        return new CrashPolicy(hosted) {
            @Override
            protected void halt(int status) {
                halts.add(status);
            }
        };
    }
}
