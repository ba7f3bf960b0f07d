package io.glomers.bench.options;

import java.time.Duration;
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
        return new TypeConversionException("'" + value + "' is not " + allowed);
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

    /** Any whole number (a seed). */
    public static final class Seed implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return whole(value, "a whole number (a seed, as printed by a run)");
        }
    }

    /** A count of at least 1 (nodes, runs). */
    public static final class Count implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) whole(value, 1, Integer.MAX_VALUE, "a whole number of at least 1");
        }
    }

    /** A count that may be 0. */
    public static final class NonNegativeCount implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) whole(value, 0, Integer.MAX_VALUE, "a whole number, 0 or more");
        }
    }

    /** A number above 0 (a rate). */
    public static final class Positive implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return number(value, Double.MIN_VALUE, Double.MAX_VALUE, "a number above 0");
        }
    }

    /** A probability, from 0 to 1. */
    public static final class Probability implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return number(value, 0, 1, "a probability from 0 to 1");
        }
    }

    /** Seconds above 0 (a time limit, an interval, a deadline); fractions allowed, down to a millisecond. */
    public static final class PositiveSeconds implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return seconds(number(value, 0.001, Double.MAX_VALUE, "a number of seconds above 0 (at least 0.001)"));
        }
    }

    /** Seconds, 0 or more (a wait that may be skipped). */
    public static final class NonNegativeSeconds implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return seconds(number(value, 0, Double.MAX_VALUE, "a number of seconds, 0 or more"));
        }
    }

    /** Whole milliseconds, 0 or more (Maelstrom's latency). */
    public static final class Millis implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return whole(value, 0, Long.MAX_VALUE, "a whole number of milliseconds, 0 or more");
        }
    }

    /** Whole milliseconds above 0 (a window, a spike). */
    public static final class PositiveMillis implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Duration.ofMillis(whole(value, 1, Long.MAX_VALUE, "a whole number of milliseconds above 0"));
        }
    }

    /** Microseconds of CPU, 0 or more; fractions allowed. */
    public static final class Micros implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Duration.ofNanos(Math.round(number(value, 0, Double.MAX_VALUE, "a number of microseconds, 0 or more") * 1e3));
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
