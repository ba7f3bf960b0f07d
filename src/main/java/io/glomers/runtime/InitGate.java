package io.glomers.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Holds {@code init_ok} while the application gets ready, each hold for at most its own time from {@code init}.
 * Maelstrom starts its workload once every node has answered {@code init}, so a node that answers
 * only after it has measured the network serves its first request already knowing it (the adaptive
 * overlay: docs/dissemination.md, "Before the workload: the hops"). Maelstrom fails a node that has not answered
 * 10 s after it started it, so no hold lasts past the moment {@link EarlyStdin} would answer a held
 * {@code init} itself (8.5 s after the process started). Runs on the event loop.
 */
@Component
public class InitGate {

    private final EventLoop loop;
    private final Optional<EarlyStdin> processStart; // absent off a real process: the simulator, tests
    private final List<Hold> holds = new ArrayList<>();
    private final List<Runnable> waiting = new ArrayList<>();

    public InitGate(EventLoop loop, Optional<EarlyStdin> processStart) {
        this.loop = loop;
        this.processStart = processStart;
    }

    /**
     * Holds {@code init_ok} until the hold is released or {@code atMost} has passed since {@code init} came
     * (zero: released already). Taken before {@code init}, as beans are built: the deadline starts with it.
     */
    public Hold hold(Duration atMost) {
        Hold hold = new Hold(atMost);
        if (!atMost.isZero()) {
            holds.add(hold);
        }
        return hold;
    }

    /** Runs {@code answer} once no hold is left: at once when none is. The holds' deadlines start now. */
    public void whenOpen(Runnable answer) {
        waiting.add(answer);
        Duration untilGuardAnswers = processStart.map(EarlyStdin::untilInitDeadline).orElse(null);
        for (Hold hold : List.copyOf(holds)) {
            Duration wait = untilGuardAnswers != null && untilGuardAnswers.compareTo(hold.atMost) < 0
                    ? untilGuardAnswers : hold.atMost;
            if (wait.isNegative() || wait.isZero()) {
                holds.remove(hold);
            } else {
                loop.schedule(wait, hold::release);
            }
        }
        openIfReleased();
    }

    private void openIfReleased() {
        if (holds.isEmpty()) {
            List<Runnable> answers = List.copyOf(waiting);
            waiting.clear();
            answers.forEach(Runnable::run);
        }
    }

    /** One reason to wait; releasing it twice, or after its deadline, changes nothing. */
    public final class Hold {
        private final Duration atMost;
        private final List<Runnable> onRelease = new ArrayList<>();

        private Hold(Duration atMost) {
            this.atMost = atMost;
        }

        public void release() {
            if (holds.remove(this)) {
                List.copyOf(onRelease).forEach(Runnable::run);
                onRelease.clear();
                openIfReleased();
            }
        }

        public boolean released() {
            return !holds.contains(this);
        }

        /** Runs {@code then} when the hold is released, by its holder or its deadline: at once if it is. */
        public void whenReleased(Runnable then) {
            if (released()) {
                then.run();
            } else {
                onRelease.add(then);
            }
        }
    }
}
