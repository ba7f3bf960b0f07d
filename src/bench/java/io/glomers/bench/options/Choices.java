package io.glomers.bench.options;

import io.glomers.bench.plant.Plant;
import io.glomers.bench.nemesis.Fault;
import io.glomers.bench.nemesis.FaultPlan;
import io.glomers.bench.run.StorePolicy;
import io.glomers.bench.net.LatencyModel;
import io.glomers.bench.workload.Topologies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine.ITypeConverter;

/** The named values of {@code bin/challenge}'s options: each refuses a name it does not know and lists the ones it does. */
public final class Choices {

    private Choices() {
    }

    /** A part named as the challenge names it, 3a to 3e. */
    public static final class PartName implements ITypeConverter<Part> {
        @Override
        public Part convert(String value) {
            return Part.named(value).orElseThrow(() -> Values.refused(value, "a part: " + Part.ids()));
        }
    }

    /** A planted defect by name ({@code bin/challenge sim --plant list} names them), or {@code list}. */
    public static final class PlantName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.equals("list") && Plant.named(value).isEmpty()) {
                throw Values.refused(value, "a planted defect: list, " + String.join(", ",
                        Plant.defects().stream().map(Plant::id).toList()));
            }
            return value;
        }
    }

    /** The workload: broadcast, the only one this bench runs. */
    public static final class Workload implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.equals("broadcast")) {
                throw Values.refused(value, "a workload this bench runs; it runs broadcast only");
            }
            return value;
        }
    }

    /** Maelstrom's latency distributions, by their lower-case names. */
    public static final class Distribution implements ITypeConverter<LatencyModel.Distribution> {
        @Override
        public LatencyModel.Distribution convert(String value) {
            for (LatencyModel.Distribution d : LatencyModel.Distribution.values()) {
                if (d.name().toLowerCase(Locale.ROOT).equals(value)) {
                    return d;
                }
            }
            throw Values.refused(value, "a distribution: constant, uniform or exponential");
        }
    }

    /** The topologies of Maelstrom's broadcast workload. */
    public static final class Topology implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!Topologies.NAMES.contains(value)) {
                throw Values.refused(value, "a topology: " + String.join(", ", Topologies.NAMES));
            }
            return value;
        }
    }

    public record FaultList(Set<Fault> faults) {
    }

    /** A comma-separated list of nemeses, or none. */
    public static final class Nemeses implements ITypeConverter<FaultList> {
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
                    throw Values.refused(value, ALLOWED + " ('" + name.trim() + "' is none of them)");
                }
            }
            return new FaultList(faults);
        }
    }

    /** A fixed fault schedule ({@link FaultPlan}), or none. */
    public static final class Faults implements ITypeConverter<FaultPlan> {
        @Override
        public FaultPlan convert(String value) {
            try {
                return FaultPlan.parse(value);
            } catch (IllegalArgumentException e) {
                throw Values.refused(value, "a fault plan, KIND@START-END=NODES,... or none: " + e.getMessage());
            }
        }
    }

    /** Which runs are written: all, failed or none. */
    public static final class StoreRuns implements ITypeConverter<StorePolicy> {
        @Override
        public StorePolicy convert(String value) {
            for (StorePolicy policy : StorePolicy.values()) {
                if (policy.name().toLowerCase(Locale.ROOT).equals(value)) {
                    return policy;
                }
            }
            throw Values.refused(value, "all, failed or none");
        }
    }

    /** Spring profiles of the node, comma-separated, each one of {@code config/application-P.properties}; blank for none. */
    public static final class Profile implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                return "";
            }
            for (String name : value.split(",", -1)) {
                if (!Files.isRegularFile(Path.of("config", "application-" + name.trim() + ".properties"))) {
                    throw Values.refused(value, "a profile of the node; one of " + known() + " (config/application-P.properties)");
                }
            }
            return value;
        }

        private static String known() {
            try (Stream<Path> files = Files.list(Path.of("config"))) {
                return String.join(", ", files.map(f -> f.getFileName().toString())
                        .filter(f -> f.startsWith("application-") && f.endsWith(".properties"))
                        .map(f -> f.substring("application-".length(), f.length() - ".properties".length()))
                        .sorted().toList());
            } catch (IOException e) {
                return "(config/ not readable: " + e.getMessage() + ")";
            }
        }
    }

    /** A node property override, {@code name=value}. */
    public static final class NodeProperty implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            int eq = value.indexOf('=');
            if (eq <= 0) {
                throw Values.refused(value, "name=value, e.g. broadcast.retransmit-timeout=1000ms");
            }
            return value;
        }
    }
}
