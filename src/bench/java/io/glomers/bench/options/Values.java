package io.glomers.bench.options;

import io.glomers.bench.run.MidRunChanges;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The numbers of {@code bin/challenge}'s options, and how every value type refuses: a message that says
 * what is allowed, which picocli puts behind the option's name (names: {@link Choices}; paths: {@link Places}).
 */
public final class Values {

    private Values() {
    }

    public static double number(String value, String allowed) {
        try {
            double number = Double.parseDouble(value);
            if (!Double.isFinite(number)) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw refused(value, allowed);
        }
    }

    public static long whole(String value, String allowed) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw refused(value, allowed);
        }
    }

    public static TypeConversionException refused(String value, String allowed) {
        return new TypeConversionException("'" + shown(value) + "' is not " + allowed);
    }

    /** A value as a refusal quotes it: a newline or tab in it is written as \\n or \\t, so the refusal stays one line. */
    public static String shown(String value) {
        StringBuilder shown = new StringBuilder();
        value.codePoints().forEach(c -> shown.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t"
                : Character.isISOControl(c) ? String.format("\\u%04x", c) : Character.toString(c)));
        return shown.toString();
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    /** A number from {@code min} to {@code max}, or refused as not {@code allowed}. */
    public static double number(String value, double min, double max, String allowed) {
        double number = number(value, allowed);
        if (number < min || number > max) {
            throw refused(value, allowed);
        }
        return number;
    }

    /** A whole number from {@code min} to {@code max}, or refused as not {@code allowed}. */
    public static long whole(String value, long min, long max, String allowed) {
        long number = whole(value, allowed);
        if (number < min || number > max) {
            throw refused(value, allowed);
        }
        return number;
    }

    /*
     * The upper bounds: none of them is a limit of the bench, each is far past any run that makes sense, and
     * each keeps a value from overflowing where it is used (a time limit of 1e20 s overflowed and ended the
     * workload after 26 operations, VALID; a latency of Long.MAX_VALUE ms failed mid-run with a stack trace;
     * two billion nodes ran the bench out of memory).
     */
    /** A day, in seconds: the longest time any option takes. */
    static final double MAX_SECONDS = 86_400;
    /** An hour, in milliseconds: the longest latency, reorder window or delay spike. */
    static final long MAX_MILLIS = 3_600_000;
    /** More nodes than Maelstrom's broadcast runs have ever had; the simulator can run them. */
    static final int MAX_NODES = 1_000;
    /** A million seeded runs: weeks of the swarm. */
    static final int MAX_RUNS = 1_000_000;
    /** A million requests a second, far past what one client per node can send. */
    static final double MAX_RATE = 1_000_000;
    /** A second of CPU per message: the simulator's costs are microseconds. */
    static final double MAX_MICROS = 1_000_000;
    /** Cores of the simulator's CPU model. */
    static final int MAX_CORES = 1_024;
    /** Simulated runs at once: each holds a run's nodes and history, so a thousand is plenty for any machine. */
    static final int MAX_JOBS = 1_000;

    /** Any whole number (a seed). */
    public static final class Seed implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return whole(value, "a whole number (a seed, as printed by a run)");
        }
    }

    /** A number of nodes, 1 to {@value #MAX_NODES}. */
    public static final class NodeCount implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) whole(value, 1, MAX_NODES, "a whole number of at least 1, at most " + MAX_NODES);
        }
    }

    /** A number of runs, 1 to {@value #MAX_RUNS}. */
    public static final class RunCount implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) whole(value, 1, MAX_RUNS, "a whole number of at least 1, at most " + MAX_RUNS);
        }
    }

    /** Simulated runs at once, 1 to {@value #MAX_JOBS}. */
    public static final class Jobs implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) whole(value, 1, MAX_JOBS, "a whole number of at least 1, at most " + MAX_JOBS);
        }
    }

    /** Cores, 0 (no CPU model) to {@value #MAX_CORES}. */
    public static final class Cores implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) whole(value, 0, MAX_CORES, "a whole number, 0 or more, at most " + MAX_CORES);
        }
    }

    /**
     * A rate above 0, from one request in 1000 s to {@value #MAX_RATE} a second (5e-324, above 0, made the
     * generator's mean wait between requests overflow: a stack trace once the nodes had started).
     */
    public static final class Rate implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return number(value, 0.001, MAX_RATE, "a number above 0 (at least 0.001), at most 1000000");
        }
    }

    /** A probability, from 0 to 1. */
    public static final class Probability implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return number(value, 0, 1, "a probability from 0 to 1");
        }
    }

    /** Seconds above 0 (a time limit, an interval, a deadline), at most a day; fractions allowed, down to a millisecond. */
    public static final class PositiveSeconds implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return seconds(number(value, 0.001, MAX_SECONDS, "a number of seconds above 0 (at least 0.001), at most 86400 (a day)"));
        }
    }

    /** Seconds, 0 (a wait that may be skipped) to a day. */
    public static final class NonNegativeSeconds implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return seconds(number(value, 0, MAX_SECONDS, "a number of seconds, 0 or more, at most 86400 (a day)"));
        }
    }

    /** Whole milliseconds, 0 to an hour (Maelstrom's latency). */
    public static final class Millis implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return whole(value, 0, MAX_MILLIS, "a whole number of milliseconds, 0 or more, at most 3600000 (an hour)");
        }
    }

    /** Whole milliseconds above 0, at most an hour (a window, a spike). */
    public static final class PositiveMillis implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Duration.ofMillis(whole(value, 1, MAX_MILLIS, "a whole number of milliseconds above 0, at most 3600000 (an hour)"));
        }
    }

    /** Microseconds of CPU, 0 to a second; fractions allowed. */
    public static final class Micros implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Duration.ofNanos(Math.round(number(value, 0, MAX_MICROS, "a number of microseconds, 0 or more, at most 1000000") * 1e3));
        }
    }

    /** {@code SECONDS=MS}: from a moment of the workload (0 to a day) on, a mean latency (0 to an hour). */
    public static final class LatencyStep implements ITypeConverter<MidRunChanges.Step> {
        @Override
        public MidRunChanges.Step convert(String value) {
            String allowed = "SECONDS=MS: seconds into the workload (0 to 86400), '=', a whole number of milliseconds"
                    + " (0 to 3600000)";
            return step(value, allowed, millis -> whole(millis, 0, MAX_MILLIS, allowed));
        }
    }

    /** {@code SECONDS=R}: from a moment of the workload (0 to a day) on, a rate ({@link Rate}'s bounds). */
    public static final class RateStep implements ITypeConverter<MidRunChanges.Step> {
        @Override
        public MidRunChanges.Step convert(String value) {
            String allowed = "SECONDS=R: seconds into the workload (0 to 86400), '=', requests a second (0.001 to 1000000)";
            return step(value, allowed, rate -> number(rate, 0.001, MAX_RATE, allowed));
        }
    }

    /** A change as {@code SECONDS=VALUE}; refused whole, so that the refusal quotes what was written. */
    private static MidRunChanges.Step step(String value, String allowed, ToDoubleFunction<String> parseValue) {
        String[] parts = value.split("=", -1);
        try {
            if (parts.length != 2) {
                throw refused(value, allowed);
            }
            return new MidRunChanges.Step(seconds(number(parts[0], 0, MAX_SECONDS, allowed)), parseValue.applyAsDouble(parts[1]));
        } catch (TypeConversionException e) {
            throw refused(value, allowed);
        }
    }

    /** A TCP port a user can name, 1-65535. */
    public static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) whole(value, 1, 65_535, "a port from 1 to 65535");
        }
    }
}
