package io.glomers.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.sched.VirtualTime;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InitGateTest {

    private final VirtualTime time = new VirtualTime();
    private final InitGate gate = new InitGate(time, Optional.empty());
    private final List<String> answers = new ArrayList<>();

    @Test
    void answersAtOnceWhenNothingHolds() {
        gate.hold(Duration.ZERO);
        gate.whenOpen(() -> answers.add("init_ok"));
        assertThat(answers).containsExactly("init_ok");
    }

    @Test
    void answersWhenTheLastHoldIsReleasedAndOnlyOnce() {
        InitGate.Hold first = gate.hold(Duration.ofSeconds(4));
        InitGate.Hold second = gate.hold(Duration.ofSeconds(4));
        gate.whenOpen(() -> answers.add("init_ok"));
        first.release();
        first.release();
        assertThat(answers).as("one hold is left").isEmpty();
        assertThat(first.released()).isTrue();
        second.release();
        assertThat(answers).containsExactly("init_ok");
        time.advance(Duration.ofSeconds(5));
        assertThat(answers).as("the deadlines change nothing once released").containsExactly("init_ok");
    }

    @Test
    void aHoldEndsAtItsDeadlineCountedFromInit() {
        InitGate.Hold hold = gate.hold(Duration.ofSeconds(4));
        time.advance(Duration.ofSeconds(3));
        gate.whenOpen(() -> answers.add("init_ok at " + time.currentTimeMillis()));
        time.advance(Duration.ofMillis(3_999));
        assertThat(answers).isEmpty();
        time.advance(Duration.ofMillis(1));
        assertThat(answers).containsExactly("init_ok at 7000");
        assertThat(hold.released()).isTrue();
    }

    @Test
    void noHoldLastsPastTheMomentTheEarlyGuardWouldAnswerInitItself() {
        long sinceStart = early(Duration.ofSeconds(60)).millisSinceProcessStart();
        // A process whose guard answers a held init half a second from now.
        InitGate nearTheDeadline = new InitGate(time, Optional.of(early(Duration.ofMillis(sinceStart + 500))));
        InitGate.Hold hold = nearTheDeadline.hold(Duration.ofSeconds(4));
        nearTheDeadline.whenOpen(() -> { });
        time.advance(Duration.ofMillis(300));
        assertThat(hold.released()).isFalse();
        // A process's start is known to a few milliseconds (NodeProcess), so give the half second some room.
        time.advance(Duration.ofMillis(700));
        assertThat(hold.released()).as("released with the guard, not 4 s after init").isTrue();
    }

    private static EarlyStdin early(Duration initDeadline) {
        return EarlyStdin.start(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                new EarlyStdin.Deadlines(initDeadline, Duration.ofSeconds(3)), NodeProcess.current());
    }
}
