package io.glomers.bench.sched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulated host's cores: jobs wait for their thread and for a core, and take effect when they end. */
class HostCpuTest {

    private static final Duration MS = Duration.ofMillis(1);

    private final VirtualTime scheduler = new VirtualTime();
    private final List<String> done = new ArrayList<>();

    private Runnable finish(String name) {
        return () -> done.add(name + "@" + scheduler.nanoTime() / 1_000_000);
    }

    @Test
    void withoutAModelWorkHappensAtOnce() {
        HostCpu.Worker worker = HostCpu.unlimited().worker();
        worker.run(Duration.ofSeconds(1), finish("a"));
        assertThat(done).containsExactly("a@0");
    }

    @Test
    void twoCoresServeTwoThreadsAtOnceAndTheThirdWaitsForACore() {
        HostCpu cpu = HostCpu.of(scheduler, 2);
        cpu.worker().run(MS, finish("a"));
        cpu.worker().run(MS, finish("b"));
        cpu.worker().run(MS, finish("c"));

        scheduler.advance(Duration.ofMillis(10));

        assertThat(done).containsExactly("a@1", "b@1", "c@2");
    }

    @Test
    void oneThreadDoesOneJobAtATimeEvenWithCoresFree() {
        HostCpu cpu = HostCpu.of(scheduler, 4);
        HostCpu.Worker worker = cpu.worker();
        worker.run(MS, finish("a"));
        worker.run(MS, finish("b"));
        worker.run(Duration.ZERO, finish("c"));

        scheduler.advance(Duration.ofMillis(10));

        assertThat(done).as("a free job still waits for its thread's earlier work").containsExactly("a@1", "b@2", "c@2");
    }

    @Test
    void aJobThatWaitsForItsThreadLeavesTheOtherCoreToOthers() {
        HostCpu cpu = HostCpu.of(scheduler, 2);
        HostCpu.Worker busy = cpu.worker();
        busy.run(Duration.ofMillis(5), finish("long"));
        busy.run(MS, finish("after-long"));
        cpu.worker().run(MS, finish("other"));

        scheduler.advance(Duration.ofMillis(10));

        assertThat(done).containsExactly("other@1", "long@5", "after-long@6");
    }

    @Test
    void anIdleThreadWakesOnTheClockWithoutHoldingACoreAndABusyOneGoesOnAtOnce() {
        HostCpu cpu = HostCpu.of(scheduler, 1);
        HostCpu.Worker node = cpu.worker();
        node.run(Duration.ofMillis(2), MS, finish("first"));
        node.run(Duration.ofMillis(2), MS, finish("queued"));
        cpu.worker().run(MS, finish("other"));

        scheduler.advance(Duration.ofMillis(10));
        node.run(Duration.ofMillis(3), MS, finish("after-idle"));
        scheduler.advance(Duration.ofMillis(10));

        assertThat(done).as("the other thread has the only core while the node wakes; the queued line pays no wake")
                .containsExactly("other@1", "first@3", "queued@4", "after-idle@14");
    }

    @Test
    void anIdleThreadWithAWakeButNoCostStillWaitsForTheWake() {
        HostCpu.Worker worker = HostCpu.of(scheduler, 2).worker();
        worker.run(Duration.ofMillis(2), Duration.ZERO, finish("a"));
        assertThat(done).isEmpty();

        scheduler.advance(Duration.ofMillis(5));

        assertThat(done).containsExactly("a@2");
    }

    @Test
    void aHostNeedsACore() {
        assertThatThrownBy(() -> HostCpu.of(scheduler, 0)).hasMessageContaining("at least one core");
    }
}
