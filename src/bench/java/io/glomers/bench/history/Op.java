package io.glomers.bench.history;

import java.util.List;

/**
 * One entry of a Jepsen history, as Maelstrom writes it to {@code history.edn}:
 * {@code {:index 7, :time 166444469, :type :ok, :process 3, :f :read, :value [0 1 2]}}.
 *
 * @param index   position in the history, from 0
 * @param time    nanoseconds since the test started
 * @param type    invoke, ok, fail or info
 * @param process the client process number, or {@link #NEMESIS} for the nemesis
 * @param f       the operation: {@code broadcast}, {@code read}, or a nemesis action such as {@code start-partition}
 * @param value   a {@code Long} for a broadcast, a {@code List<Long>} for a completed read, otherwise {@code null}
 *                or a description (nemesis)
 * @param finalRead true for the final read each client makes after the recovery wait ({@code :final? true})
 */
public record Op(int index, long time, Type type, int process, String f, Object value, boolean finalRead) {

    public static final int NEMESIS = -1;

    public enum Type { INVOKE, OK, FAIL, INFO }

    public boolean isClient() {
        return process != NEMESIS;
    }

    @SuppressWarnings("unchecked")
    public List<Long> readValues() {
        return (List<Long>) value;
    }
}
