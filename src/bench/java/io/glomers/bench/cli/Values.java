package io.glomers.bench.cli;

import io.glomers.bench.BenchOptions.Fault;
import io.glomers.bench.StorePolicy;
import io.glomers.bench.net.LatencyModel;
import io.glomers.bench.view.RunFiles;
import io.glomers.bench.workload.Topologies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The value types of {@code bin/challenge}'s options. Each refuses what makes no sense for its option
 * with a message that says what is allowed; picocli puts the option's name in front of it.
 */
final class Values {

    private Values() {
    }

    static double number(String value, String allowed) {
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

    static long whole(String value, String allowed) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw refused(value, allowed);
        }
    }

    static TypeConversionException refused(String value, String allowed) {
        return new TypeConversionException("'" + value + "' is not " + allowed);
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    /** Any whole number (a seed). */
    static final class Seed implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return whole(value, "a whole number (a seed, as printed by a run)");
        }
    }

    /** A count of at least 1 (nodes, runs). */
    static final class Count implements ITypeConverter<Integer> {
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
    static final class NonNegativeCount implements ITypeConverter<Integer> {
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
    static final class Positive implements ITypeConverter<Double> {
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
    static final class Probability implements ITypeConverter<Double> {
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
    static final class PositiveSeconds implements ITypeConverter<Duration> {
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
    static final class NonNegativeSeconds implements ITypeConverter<Duration> {
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
    static final class Millis implements ITypeConverter<Long> {
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
    static final class PositiveMillis implements ITypeConverter<Duration> {
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
    static final class Micros implements ITypeConverter<Duration> {
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
    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            long port = whole(value, "a port from 1 to 65535");
            if (port < 1 || port > 65_535) {
                throw refused(value, "a port from 1 to 65535");
            }
            return (int) port;
        }
    }

    /** A part named as the challenge names it, 3a to 3e. */
    static final class PartName implements ITypeConverter<Part> {
        @Override
        public Part convert(String value) {
            return Part.named(value).orElseThrow(() -> refused(value, "a part: " + Part.ids()));
        }
    }

    static final class Workload implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.equals("broadcast")) {
                throw refused(value, "a workload this bench runs; it runs broadcast only");
            }
            return value;
        }
    }

    static final class Distribution implements ITypeConverter<LatencyModel.Distribution> {
        @Override
        public LatencyModel.Distribution convert(String value) {
            for (LatencyModel.Distribution d : LatencyModel.Distribution.values()) {
                if (d.name().toLowerCase(Locale.ROOT).equals(value)) {
                    return d;
                }
            }
            throw refused(value, "a distribution: constant, uniform or exponential");
        }
    }

    static final class Topology implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!Topologies.NAMES.contains(value)) {
                throw refused(value, "a topology: " + String.join(", ", Topologies.NAMES));
            }
            return value;
        }
    }

    /** The nemeses of {@code --nemesis}: one value, a comma-separated list (picocli would take a collection as a repeatable option). */
    record FaultList(Set<Fault> faults) {
    }

    static final class Nemeses implements ITypeConverter<FaultList> {
        private static final String ALLOWED = "a list of nemeses: partition, kill, pause, comma-separated, or none";

        @Override
        public FaultList convert(String value) {
            Set<Fault> faults = EnumSet.noneOf(Fault.class);
            if (value.equals("none")) {
                return new FaultList(faults);
            }
            for (String name : value.split(",", -1)) {
                try {
                    faults.add(Fault.valueOf(name.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw refused(value, ALLOWED + " ('" + name.trim() + "' is none of them)");
                }
            }
            return new FaultList(faults);
        }
    }

    static final class StoreRuns implements ITypeConverter<StorePolicy> {
        @Override
        public StorePolicy convert(String value) {
            for (StorePolicy policy : StorePolicy.values()) {
                if (policy.name().toLowerCase(Locale.ROOT).equals(value)) {
                    return policy;
                }
            }
            throw refused(value, "all, failed or none");
        }
    }

    /** An executable file (a node for Maelstrom's --bin). */
    static final class Executable implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path path = Path.of(value);
            if (!Files.isRegularFile(path)) {
                throw refused(value, "a file that exists (the node's executable)");
            }
            if (!Files.isExecutable(path)) {
                throw refused(value, "executable (chmod +x " + value + ")");
            }
            return path;
        }
    }

    /** A folder that exists (a store to show). */
    static final class ExistingFolder implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path path = Path.of(value);
            if (!Files.isDirectory(path)) {
                throw refused(value, "a folder that exists");
            }
            return path;
        }
    }

    /** A folder that exists or can be made in one that does (where runs are written). */
    static final class StoreFolder implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path path = Path.of(value);
            Path parent = path.toAbsolutePath().normalize().getParent();
            if (Files.exists(path) && !Files.isDirectory(path)) {
                throw refused(value, "a folder (it is a file)");
            }
            if (!Files.exists(path) && (parent == null || !Files.isDirectory(parent))) {
                throw refused(value, "a folder that exists or can be made: " + parent + " does not exist");
            }
            return path;
        }
    }

    /** A stored run's folder: one holding results.edn or history.edn. */
    static final class RunFolder implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path path = Path.of(value);
            if (!Files.isDirectory(path)) {
                throw refused(value, "a run's folder that exists (e.g. store/latest)");
            }
            if (!Files.isRegularFile(path.resolve(RunFiles.RESULTS)) && !Files.isRegularFile(path.resolve(RunFiles.HISTORY))) {
                throw refused(value, "a run's folder: it has no results.edn or history.edn");
            }
            return path;
        }
    }

    /** A node property override, {@code name=value}. */
    static final class NodeProperty implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            int eq = value.indexOf('=');
            if (eq <= 0) {
                throw refused(value, "name=value, e.g. broadcast.retransmit-timeout=1000ms");
            }
            return value;
        }
    }

    /** Spring profiles of the node, comma-separated, each one of {@code config/application-P.properties}; blank for none. */
    static final class Profile implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                return "";
            }
            for (String name : value.split(",", -1)) {
                if (!Files.isRegularFile(Path.of("config", "application-" + name.trim() + ".properties"))) {
                    throw refused(value, "a profile of the node; one of " + known() + " (config/application-P.properties)");
                }
            }
            return value;
        }

        private static String known() {
            try (var files = Files.list(Path.of("config"))) {
                return String.join(", ", files.map(f -> f.getFileName().toString())
                        .filter(f -> f.startsWith("application-") && f.endsWith(".properties"))
                        .map(f -> f.substring("application-".length(), f.length() - ".properties".length()))
                        .sorted().toList());
            } catch (java.io.IOException e) {
                return "(config/ not readable: " + e.getMessage() + ")";
            }
        }
    }
}
