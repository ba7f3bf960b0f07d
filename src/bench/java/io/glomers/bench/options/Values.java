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
            long count = whole(value, "a whole number of at least 1");
            if (count < 1 || count > Integer.MAX_VALUE) {
                throw refused(value, "a whole number of at least 1");
            }
            return (int) count;
        }
    }

    /** A count that may be 0. */
    public static final class NonNegativeCount implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            long count = whole(value, "a whole number, 0 or more");
            if (count < 0 || count > Integer.MAX_VALUE) {
                throw refused(value, "a whole number, 0 or more");
            }
            return (int) count;
        }
    }

    /** A number above 0 (a rate). */
    public static final class Positive implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double number = number(value, "a number above 0");
            if (number <= 0) {
                throw refused(value, "a number above 0");
            }
            return number;
        }
    }

    /** A probability, from 0 to 1. */
    public static final class Probability implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double p = number(value, "a probability from 0 to 1");
            if (p < 0 || p > 1) {
                throw refused(value, "a probability from 0 to 1");
            }
            return p;
        }
    }

    /** Seconds above 0 (a time limit, an interval, a deadline); fractions allowed. */
    public static final class PositiveSeconds implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            double s = number(value, "a number of seconds above 0");
            if (s < 0.001) {
                throw refused(value, "a number of seconds above 0 (at least 0.001)");
            }
            return seconds(s);
        }
    }

    /** Seconds, 0 or more (a wait that may be skipped). */
    public static final class NonNegativeSeconds implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            double s = number(value, "a number of seconds, 0 or more");
            if (s < 0) {
                throw refused(value, "a number of seconds, 0 or more");
            }
            return seconds(s);
        }
    }

    /** Whole milliseconds, 0 or more (Maelstrom's latency). */
    public static final class Millis implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            long ms = whole(value, "a whole number of milliseconds, 0 or more");
            if (ms < 0) {
                throw refused(value, "a whole number of milliseconds, 0 or more");
            }
            return ms;
        }
    }

    /** Whole milliseconds above 0 (a window, a spike). */
    public static final class PositiveMillis implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            long ms = whole(value, "a whole number of milliseconds above 0");
            if (ms <= 0) {
                throw refused(value, "a whole number of milliseconds above 0");
            }
            return Duration.ofMillis(ms);
        }
    }

    /** Microseconds of CPU, 0 or more; fractions allowed. */
    public static final class Micros implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            double us = number(value, "a number of microseconds, 0 or more");
            if (us < 0) {
                throw refused(value, "a number of microseconds, 0 or more");
            }
            return Duration.ofNanos(Math.round(us * 1e3));
        }
    }

    /** A TCP port a user can name, 1-65535. */
    public static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            long port = whole(value, "a port from 1 to 65535");
            if (port < 1 || port > 65_535) {
                throw refused(value, "a port from 1 to 65535");
            }
            return (int) port;
        }
    }

       /** The nemeses of {@code --nemesis}: one value, a comma-separated list (picocli would take a collection as a repeatable option). */
       /** An executable file (a node for Maelstrom's --bin). */
     /** A folder that exists (a store to show). */
     /** A folder that exists or can be made in one that does (where runs are written). */
     /** A stored run's folder: one holding results.edn or history.edn. */
 }
