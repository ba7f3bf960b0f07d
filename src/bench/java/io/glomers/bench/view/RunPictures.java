package io.glomers.bench.view;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a stored run's pictures beside its {@code results.edn}, from the files the run wrote
 * ({@code results.edn}, {@code history.edn}, {@code messages.log}), so they can be drawn again later
 * ({@code bin/challenge draw}) and do not depend on how the run held its history in memory.
 */
public final class RunPictures {

    /**
     * What was drawn.
     *
     * @param files the pictures written
     * @param notes why a picture is missing (e.g. a journal too long for the diagram), for the user
     */
    public record Drawn(List<String> files, List<String> notes) {
    }

    private RunPictures() {
    }

    public static Drawn draw(Path store, Path dir, DiagramOptions diagram) throws IOException {
        StoredRun run = StoredRun.read(store, dir);
        List<String> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Path historyFile = dir.resolve(RunFiles.HISTORY);
        if (Files.exists(historyFile)) {
            HistorySpans history = HistorySpans.read(historyFile);
            ChartStyle.writePng(LatencyRawChart.of(history, run.title(), run.subtitle()), dir.resolve(RunFiles.LATENCY_RAW));
            ChartStyle.writePng(LatencyQuantilesChart.of(history, run.title(), run.subtitle()),
                    dir.resolve(RunFiles.LATENCY_QUANTILES));
            ChartStyle.writePng(RateChart.of(history, run.title(), run.subtitle()), dir.resolve(RunFiles.RATE));
            TimelinePage.write(history, run.title(), dir.resolve(RunFiles.TIMELINE));
            files.addAll(List.of(RunFiles.LATENCY_RAW, RunFiles.LATENCY_QUANTILES, RunFiles.RATE, RunFiles.TIMELINE));
        } else {
            notes.add("no " + RunFiles.HISTORY + ": no latency, rate or timeline pictures");
        }
        Path journal = dir.resolve(RunFiles.JOURNAL);
        if (Files.exists(journal)) {
            LamportDiagram.Outcome outcome = LamportDiagram.write(journal, dir.resolve(RunFiles.MESSAGES_SVG), diagram);
            if (outcome.drawn()) {
                files.add(RunFiles.MESSAGES_SVG);
            } else {
                notes.add(tooLong(dir, outcome.events(), diagram));
            }
        }
        return new Drawn(List.copyOf(files), List.copyOf(notes));
    }

    /** The note for a diagram not drawn, with the commands that draw it anyway. */
    public static String tooLong(Path dir, long events, DiagramOptions diagram) {
        return RunFiles.MESSAGES_SVG + " not drawn: " + events + " network events, more than "
                + diagram.eventLimit() + " make it unusable; draw it anyway with bin/challenge draw " + dir
                + " --svg-events all, or a window: --svg-from 5 --svg-to 6 (seconds)";
    }
}
