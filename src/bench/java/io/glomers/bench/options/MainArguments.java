package io.glomers.bench.options;

/**
 * Reading the values of a development main's options ({@code AdaptiveSweep}, {@code FidelityReport}):
 * a missing or malformed value is an {@link IllegalArgumentException} naming the option and the
 * usage, which the main prints as one line before it exits with status 2.
 */
public final class MainArguments {

    private MainArguments() {
    }

    /** Says why {@code main} cannot run, in one line on stderr, and exits with status 2. */
    public static void refuse(String main, String why) {
        System.err.println(main + ": " + why);
        System.exit(2);
    }

    /** The value after the option at {@code i - 1}. */
    public static String value(String[] args, int i, String usage) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value; " + usage);
        }
        return args[i];
    }

    /** The whole number after the option at {@code i - 1}, from {@code min} to {@code max}. */
    public static long number(String[] args, int i, long min, long max, String usage) {
        String value = value(args, i, usage);
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(args[i - 1] + " takes a whole number, not '" + value + "'", e);
        }
        if (number < min || number > max) {
            throw new IllegalArgumentException(args[i - 1] + " takes " + min + " to " + max + ", not " + number);
        }
        return number;
    }
}
