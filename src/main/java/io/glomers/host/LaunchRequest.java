package io.glomers.host;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a launcher asks of the host when it connects: run a node for my process, with these
 * arguments. The launcher writes {@code broadcast-node-host 1 SECRET PID ARGC} and then one argument
 * per line; the secret (from the host's port file, readable by its user only) keeps other users'
 * processes from getting a node run for them.
 */
record LaunchRequest(long pid, List<String> arguments) {

    static final String GREETING = "broadcast-node-host";
    static final String VERSION = "1";
    /** More arguments than any launcher passes: a bound on what a stray connection can make the host read. */
    private static final int MAX_ARGUMENTS = 1000;

    static LaunchRequest read(BufferedReader in, String secret) throws IOException {
        String first = in.readLine();
        if (first == null) {
            throw new IOException("the launcher hung up before saying what it wants");
        }
        String[] words = first.split(" ");
        if (words.length != 5 || !GREETING.equals(words[0]) || !VERSION.equals(words[1])) {
            throw new IOException("not a broadcast-node launcher of this version: " + excerpt(first));
        }
        if (!secret.equals(words[2])) {
            throw new IOException("wrong secret");
        }
        long pid = number(words[3], 1, Long.MAX_VALUE, "pid");
        int count = (int) number(words[4], 0, MAX_ARGUMENTS, "argument count");
        List<String> arguments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String argument = in.readLine();
            if (argument == null) {
                throw new IOException("the launcher hung up after " + i + " of " + count + " arguments");
            }
            arguments.add(argument);
        }
        return new LaunchRequest(pid, List.copyOf(arguments));
    }

    private static long number(String word, long min, long max, String what) throws IOException {
        try {
            long value = Long.parseLong(word);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IOException("bad " + what + ": " + excerpt(word));
    }

    private static String excerpt(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
