package io.glomers.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

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
        return new CrashPolicy(beans.getBeanProvider(HostedProcess.class)) {
            @Override
            protected void halt(int status) {
                halts.add(status);
            }
        };
    }
}
