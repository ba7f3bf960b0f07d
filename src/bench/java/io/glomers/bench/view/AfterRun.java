package io.glomers.bench.view;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What a run gets once its files are written: Maelstrom's pictures beside them, and
 * {@code store/latest} pointing at it. Neither may cost the run its verdict, so a failure to draw is
 * reported on the progress stream and the run stands.
 */
public final class AfterRun {

    private AfterRun() {
    }

    public static void picturesAndLink(Path store, Path dir, PrintStream progress) {
        try {
            RunPictures.Drawn drawn = RunPictures.draw(store, dir, DiagramOptions.DEFAULT);
            drawn.notes().forEach(note -> progress.println("bench: " + note));
        } catch (IOException | RuntimeException e) {
            progress.println("bench: could not draw the run's pictures: " + e);
        }
        try {
            LatestLink.update(store, dir);
        } catch (IOException | RuntimeException e) {
            progress.println("bench: could not point " + store.resolve(RunFiles.LATEST) + " at the run: " + e);
        }
    }
}
