package io.glomers.bench.check;

import io.glomers.bench.history.Op;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Jepsen's {@code set-full} checker as Maelstrom's broadcast workload runs it (broadcast = add),
 * reimplemented so the bench reaches the same verdict Maelstrom would on the same history.
 *
 * <p>One deliberate difference: Jepsen computes duplicates with a test that is never true, so it
 * always reports {@code :duplicated {}}. We report an element that appears more than once in a
 * single read. As in Maelstrom, duplicates do not change {@code :valid?}.
 *
 * <p>Cost is O(reads x elements): every successful read updates every element invoked so far.
 */
public final class SetFullChecker {

    private static final int WORST_STALE_LIMIT = 8;

    private SetFullChecker() {
    }

    public static WorkloadResult check(List<Op> history) {
        Map<Long, Integer> slotOf = new HashMap<>();
        List<ElementState> states = new ArrayList<>();
        Map<Integer, Op> pendingInvocation = new HashMap<>();
        Map<Long, Integer> duplicated = new TreeMap<>();

        // forEach, not an iterator: the bench's history streams back from its file in constant memory.
        history.forEach(op -> {
            if (!op.isClient()) {
                return;
            }
            Op invocation = null;
            if (op.type() == Op.Type.INVOKE) {
                pendingInvocation.put(op.process(), op);
            } else {
                invocation = pendingInvocation.remove(op.process());
            }
            switch (op.f()) {
                case "broadcast", "add" -> onAdd(op, slotOf, states);
                case "read" -> {
                    if (op.type() == Op.Type.OK) {
                        if (invocation == null) {
                            throw new IllegalArgumentException("read completion without an invocation: " + op);
                        }
                        onRead(invocation, op, states, duplicated);
                    }
                }
                // Jepsen's checker throws on any other client op too (condp without a default).
                default -> throw new IllegalArgumentException("not a broadcast-workload op: " + op);
            }
        });
        List<ElementState> ascending = new ArrayList<>(states);
        ascending.sort(Comparator.comparingLong(s -> s.element));
        return summarise(ascending, duplicated);
    }

    private static void onAdd(Op op, Map<Long, Integer> slotOf, List<ElementState> states) {
        long element = ((Number) op.value()).longValue();
        Integer slot = slotOf.get(element);
        if (op.type() == Op.Type.INVOKE) {
            // A second invocation of the same value starts its tracking afresh, as Jepsen's assoc does.
            ElementState fresh = new ElementState(element);
            if (slot == null) {
                slotOf.put(element, states.size());
                states.add(fresh);
            } else {
                states.set(slot, fresh);
            }
        } else if (slot != null) {
            states.get(slot).addCompleted(op);
        } else if (op.type() == Op.Type.OK) {
            throw new IllegalArgumentException("broadcast acknowledged but never invoked: " + op);
        }
    }

    private static void onRead(Op invocation, Op completion, List<ElementState> states,
                               Map<Long, Integer> duplicated) {
        List<Long> values = completion.readValues();
        Set<Long> seen = new HashSet<>(values.size() * 2);
        Map<Long, Integer> multiplicity = null;
        for (Long v : values) {
            if (!seen.add(v)) {
                if (multiplicity == null) {
                    multiplicity = new HashMap<>();
                }
                multiplicity.merge(v, 2, (old, one) -> old + 1);
            }
        }
        if (multiplicity != null) {
            multiplicity.forEach((v, n) -> duplicated.merge(v, n, Math::max));
        }
        for (ElementState state : states) {
            if (seen.contains(state.element)) {
                state.readPresent(invocation, completion);
            } else {
                state.readAbsent(invocation);
            }
        }
    }

    private static WorkloadResult summarise(List<ElementState> ascending, Map<Long, Integer> duplicated) {
        List<Long> lost = new ArrayList<>();
        List<Long> neverRead = new ArrayList<>();
        List<ElementState> stale = new ArrayList<>();
        List<Long> stableLatencies = new ArrayList<>();
        List<Long> lostLatencies = new ArrayList<>();
        int stableCount = 0;
        for (ElementState s : ascending) {
            if (s.stable()) {
                stableCount++;
                long latency = s.stableLatency();
                stableLatencies.add(latency);
                if (latency > 0) {
                    stale.add(s);
                }
            } else if (s.lost()) {
                lost.add(s.element);
                lostLatencies.add(s.lostLatency());
            } else {
                neverRead.add(s.element);
            }
        }
        WorkloadResult.Validity valid = !lost.isEmpty() ? WorkloadResult.Validity.FALSE
                : stableCount == 0 ? WorkloadResult.Validity.UNKNOWN
                : WorkloadResult.Validity.TRUE;
        return new WorkloadResult(
                valid,
                ascending.size(),
                stableCount,
                lost.size(), lost,
                neverRead.size(), neverRead,
                stale.size(), stale.stream().map(s -> s.element).toList(),
                worstStale(stale),
                Quantiles.of(stableLatencies),
                Quantiles.of(lostLatencies),
                duplicated.size(), duplicated);
    }

    /**
     * Jepsen: {@code (->> stale (sort-by :stable-latency) reverse (take 8))} over elements in
     * ascending order. The sort is stable and the reverse comes after it, so among equal latencies
     * the larger element comes first.
     */
    private static List<WorkloadResult.StaleElement> worstStale(List<ElementState> staleAscending) {
        List<ElementState> byLatency = new ArrayList<>(staleAscending);
        byLatency.sort(Comparator.comparingLong(ElementState::stableLatency));
        List<WorkloadResult.StaleElement> worst = new ArrayList<>();
        for (int i = byLatency.size() - 1; i >= 0 && worst.size() < WORST_STALE_LIMIT; i--) {
            ElementState s = byLatency.get(i);
            worst.add(new WorkloadResult.StaleElement(s.element, s.stableLatency(), s.known, s.lastAbsent));
        }
        return worst;
    }
}
