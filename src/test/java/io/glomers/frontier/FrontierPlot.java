package io.glomers.frontier;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the messages/latency frontier as a PNG: server msgs-per-op (log scale) against median and
 * max stable latency, our points beside the published ones. Plain Java2D, so it needs nothing
 * beyond the JDK and runs headless.
 */
public final class FrontierPlot {

    /** One point: a label, msgs-per-op, and median and max latency in ms. */
    public record Point(String label, double msgsPerOp, double medianMillis, double maxMillis, boolean ours) {
    }

    private static final int WIDTH = 1100;
    private static final int HEIGHT = 520;
    private static final double MIN_X = 0.25;
    private static final double MAX_X = 32;
    private static final double MAX_Y = 2500;

    private FrontierPlot() {
    }

    public static void write(List<Point> points, String title, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, 20, 24);
        panel(g, points, new Rectangle2D.Double(70, 60, 460, 400), "median latency (ms)", true);
        panel(g, points, new Rectangle2D.Double(610, 60, 460, 400), "max latency (ms)", false);
        legend(g);
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private static void panel(Graphics2D g, List<Point> points, Rectangle2D area, String yLabel, boolean median) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setColor(new Color(235, 235, 235));
        for (double x : new double[] {0.25, 0.5, 1, 2, 4, 8, 16, 32}) {
            double px = xPixel(area, x);
            g.drawLine((int) px, (int) area.getMinY(), (int) px, (int) area.getMaxY());
            g.setColor(Color.DARK_GRAY);
            g.drawString(x < 1 ? String.valueOf(x) : String.valueOf((int) x), (int) px - 6, (int) area.getMaxY() + 15);
            g.setColor(new Color(235, 235, 235));
        }
        for (int y = 0; y <= MAX_Y; y += 250) {
            double py = yPixel(area, y);
            g.drawLine((int) area.getMinX(), (int) py, (int) area.getMaxX(), (int) py);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.valueOf(y), (int) area.getMinX() - 38, (int) py + 4);
            g.setColor(new Color(235, 235, 235));
        }
        g.setColor(Color.BLACK);
        g.draw(area);
        g.drawString("server msgs-per-op (log scale)", (int) area.getCenterX() - 80, (int) area.getMaxY() + 32);
        g.drawString(yLabel, (int) area.getMinX(), (int) area.getMinY() - 8);
        for (Point point : points) {
            double value = median ? point.medianMillis() : point.maxMillis();
            double px = xPixel(area, Math.max(MIN_X, Math.min(MAX_X, point.msgsPerOp())));
            double py = yPixel(area, Math.min(MAX_Y, value));
            g.setColor(point.ours() ? new Color(20, 90, 200) : new Color(200, 60, 40));
            if (point.ours()) {
                g.fill(new Ellipse2D.Double(px - 5, py - 5, 10, 10));
            } else {
                g.setStroke(new BasicStroke(2));
                g.drawLine((int) px - 5, (int) py - 5, (int) px + 5, (int) py + 5);
                g.drawLine((int) px - 5, (int) py + 5, (int) px + 5, (int) py - 5);
                g.setStroke(new BasicStroke(1));
            }
            g.setColor(Color.DARK_GRAY);
            g.drawString(point.label(), (int) px + 7, (int) py - 4);
        }
    }

    private static void legend(Graphics2D g) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(new Color(20, 90, 200));
        g.fill(new Ellipse2D.Double(420, 495, 10, 10));
        g.setColor(Color.BLACK);
        g.drawString("this node (bench, 25 nodes, rate 100, latency 100)", 436, 505);
        g.setColor(new Color(200, 60, 40));
        g.drawLine(140, 495, 150, 505);
        g.drawLine(140, 505, 150, 495);
        g.setColor(Color.BLACK);
        g.drawString("published results", 156, 505);
    }

    private static double xPixel(Rectangle2D area, double x) {
        double fraction = (Math.log(x) - Math.log(MIN_X)) / (Math.log(MAX_X) - Math.log(MIN_X));
        return area.getMinX() + fraction * area.getWidth();
    }

    private static double yPixel(Rectangle2D area, double y) {
        return area.getMaxY() - y / MAX_Y * area.getHeight();
    }

    /** The published points of the efficiency issue (any language), for comparison. */
    public static List<Point> published() {
        return List.of(
                new Point("hub+acks", 22.7, 175, 213, false),
                new Point("star full 50ms", 14.7, 195, 281, false),
                new Point("star deltas 100ms", 8.5, 250, 390, false),
                new Point("tree4", 12.0, 386, 505, false),
                new Point("tree batch 500ms", 1.92, 764, 1087, false));
    }
}
