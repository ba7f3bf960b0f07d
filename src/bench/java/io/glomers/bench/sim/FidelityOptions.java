package io.glomers.bench.sim;

import io.glomers.bench.options.MainArguments;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link FidelityReport}'s command line.
 *
 * @param fresh        {@code --fresh}: real Maelstrom, the real-time bench and the simulator on argument sets
 * @param kept         {@code --kept} (with {@code --fresh}): the runs the last fresh report kept, judged again
 * @param seeds        {@code --seeds N}: simulated seeds per profile or set
 * @param realRuns     {@code --real-runs N} (with {@code --fresh}): real Maelstrom and real-time runs per set
 * @param reuse        {@code --reuse} (with {@code --fresh}): the runs a set already keeps count toward N
 * @param firstSeed    {@code --seed S}: the first simulated seed
 * @param references   {@code --references SETUP}: which reference runs the profiles are compared with
 * @param names        the profiles (against the references) or the argument sets (with {@code --fresh})
 * @param benchOptions {@code --bench OPTION VALUE}, repeatable: added to every simulated run
 */
record FidelityOptions(boolean fresh, boolean kept, int seeds, int realRuns, boolean reuse, long firstSeed, ReferenceSetup references,
                       List<String> names, List<String> benchOptions) {

    /** The profiles with reference runs. */
    static final List<String> PROFILES = List.of("fast", "balanced", "lean");

    static final String USAGE = "FidelityReport [--seeds N] [--seed S] [--references shared-jvm|jvm-per-node]"
            + " [--bench OPTION VALUE]... [fast|balanced|lean]..., or FidelityReport --fresh [--kept]"
            + " [--real-runs N [--reuse]] [--seeds N] [--seed S] [--bench OPTION VALUE]... [\"ARGUMENTS\"]...";

    static FidelityOptions parse(String... args) {
        boolean fresh = false;
        boolean kept = false;
        boolean reuse = false;
        long seeds = 5;
        Long realRuns = null;
        long first = 1;
        ReferenceSetup references = ReferenceSetup.SHARED_JVM;
        boolean referencesGiven = false;
        List<String> names = new ArrayList<>();
        List<String> bench = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--fresh" -> fresh = true;
                case "--kept" -> kept = true;
                case "--reuse" -> reuse = true;
                case "--seeds" -> seeds = MainArguments.number(args, ++i, 1, 1_000, USAGE);
                case "--real-runs" -> realRuns = MainArguments.number(args, ++i, 1, 100, USAGE);
                case "--seed" -> first = MainArguments.number(args, ++i, Long.MIN_VALUE, Long.MAX_VALUE, USAGE);
                case "--references" -> {
                    references = ReferenceSetup.named(MainArguments.value(args, ++i, USAGE));
                    referencesGiven = true;
                }
                case "--bench" -> {
                    bench.add(MainArguments.value(args, ++i, USAGE));
                    bench.add(MainArguments.value(args, ++i, USAGE));
                }
                default -> {
                    // An argument set ("--node-count 10 --rate 20") is one argument with spaces in it.
                    if (args[i].startsWith("--") && !args[i].contains(" ")) {
                        throw new IllegalArgumentException("unknown option '" + args[i] + "'; " + USAGE);
                    }
                    names.add(args[i]);
                }
            }
        }
        FidelityOptions options = new FidelityOptions(fresh, kept, (int) seeds, realRuns == null ? 1 : realRuns.intValue(),
                reuse, first, references, List.copyOf(names), List.copyOf(bench));
        options.refuseWhatDoesNotGoTogether(realRuns != null, referencesGiven);
        return options;
    }

    /** Options that go only with others, or not with them, and profiles that have no reference run. */
    private void refuseWhatDoesNotGoTogether(boolean realRunsGiven, boolean referencesGiven) {
        if (!fresh && (kept || realRunsGiven || reuse)) {
            throw new IllegalArgumentException((kept ? "--kept" : reuse ? "--reuse" : "--real-runs") + " goes with --fresh; "
                    + USAGE);
        }
        if (reuse && kept) {
            throw new IllegalArgumentException("--reuse adds runs to the kept ones; --kept runs none");
        }
        if (fresh && referencesGiven) {
            throw new IllegalArgumentException("--references compares with the stored reference runs, not with --fresh ones");
        }
        if (!fresh) {
            names.stream().filter(name -> !PROFILES.contains(name)).findFirst().ifPresent(name -> {
                throw new IllegalArgumentException("no reference run for '" + name + "': the profiles are "
                        + String.join(", ", PROFILES) + " (argument sets go with --fresh)");
            });
        }
    }
}
