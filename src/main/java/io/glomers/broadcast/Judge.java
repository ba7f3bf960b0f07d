package io.glomers.broadcast;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Predictions and the objective's limits (less the margins), for one set of conditions: what the
 * {@link Planner} weighs every plan with.
 */
final class Judge {

    /**
     * The current plan is kept while its prediction is within this much of the objective's limits, and
     * by the spread of its predicted maximum on top where the delays have a tail ({@link #keepWithin}); a
     * plan this close is chosen over one that meets them at more than twice its messages ({@link Planner}).
     */
    static final double KEEP_WITHIN = 1.08;
    /** The standard deviation of the largest of many exponential draws, in their scales: pi / sqrt(6). */
    private static final double MAX_SPREAD = Math.PI / Math.sqrt(6);
    /**
     * A tail whose scale is this share of the median delay or more is unbounded: an exponential's is 1.44, a
     * uniform's 0.1, a steady network's near 0. Not higher: Maelstrom's one-at-a-time delivery raises the
     * median of the hub's record (40-76 ms at 50 ms exponential, simulated), and a few dozen delays give the
     * scale loosely; at half the median the first looks took such records for bounded ones.
     */
    private static final double UNBOUNDED_TAIL = 0.25;
    /** How many of its scales the largest of many exponential draws passes its usual value by one time in ten: -ln(-ln 0.9). */
    private static final double NINE_IN_TEN = -Math.log(-Math.log(0.9));
    /**
     * A hop this many times the record's 90th percentile is late ({@link #hurryAfter}): past an exponential tail's
     * 99th percentile, and past anything a bounded network draws (a uniform one's largest is within 1.11 of it).
     */
    private static final double LATE_PAST_P90 = 2.2;
    /** Nor is a hop shorter than this share of the objective's maximum, which no wait at the hub makes a slow value. */
    private static final double LATE_FLOOR = 0.25;
    /** A plan's maximum is what a run's largest value passes one run in ten, seen in its ten or more slowest values. */
    private static final double RUNS_HELD = 0.9;
    private static final int TAIL_SAMPLES = 10;

    private final TrafficModel traffic;
    private final Conditions conditions;
    private final DeliveryModel model;
    private final double medianLimit;
    private final double maxLimit;
    /** {@link #maxQuantile}, {@link Conditions#tailScale} and {@link #sampledExceedance} of these conditions. */
    private final double maxQuantile;
    private final double tailScale;
    private final double sampledExceedance;
    /** The plan in force, which a change of plan starts from; null: none to change from. */
    private final Plan inForce;
    /** The predictions so far, shared with the judges {@link #scaledBy} makes: they do not depend on the limits. */
    private final Map<Plan, Planner.Prediction> predicted;

    private Judge(TrafficModel traffic, Conditions conditions, DeliveryModel model, double medianLimit, double maxLimit,
            double maxQuantile, double tailScale, double sampledExceedance, Plan inForce, Map<Plan, Planner.Prediction> predicted) {
        this.traffic = traffic;
        this.conditions = conditions;
        this.model = model;
        this.medianLimit = medianLimit;
        this.maxLimit = maxLimit;
        this.maxQuantile = maxQuantile;
        this.tailScale = tailScale;
        this.sampledExceedance = sampledExceedance;
        this.inForce = inForce;
        this.predicted = predicted;
    }

    /** The objective's judge under these conditions: its limits less the margins these conditions call for. */
    static Judge of(BroadcastProperties.Objective objective, TrafficModel traffic, Conditions conditions) {
        return of(objective, traffic, conditions, null);
    }

    /** The same, for a change from the plan {@code inForce}. */
    static Judge of(BroadcastProperties.Objective objective, TrafficModel traffic, Conditions conditions, Plan inForce) {
        double tailScale = conditions.tailScale();
        return new Judge(traffic, conditions, new DeliveryModel(conditions, hurryAfter(objective, conditions)),
                (1 - objective.medianMargin()) * objective.median().toMillis(),
                (1 - maxMargin(objective, tailScale)) * objective.max().toMillis(),
                maxQuantile(objective, conditions.valuesPerSecond()), tailScale,
                sampledExceedance(objective, conditions.valuesPerSecond()), inForce, new HashMap<>());
    }

    DeliveryModel model() {
        return model;
    }

    /** The same judge with its limits scaled: where nothing meets the objective, the limits settled for. */
    Judge scaledBy(double scale) {
        return scaledBy(scale, scale);
    }

    Judge scaledBy(double medianScale, double maxScale) {
        return new Judge(traffic, conditions, model, medianScale * medianLimit, maxScale * maxLimit, maxQuantile, tailScale,
                sampledExceedance, inForce, predicted);
    }

    /**
     * How far past the limits the current plan may be predicted before it is left. A maximum predicted
     * from a few hundred delays with a tail moves from one window to the next by about the spread of the
     * largest of many draws of that tail, and a band narrower than that would leave and take back the
     * same plan as the windows move. The starting plan was never judged, and gets no such benefit of the doubt.
     */
    double keepWithin(Plan current) {
        return KEEP_WITHIN + (current.seq() == 0 ? 0 : MAX_SPREAD * tailScale / Math.max(1, maxLimit));
    }

    /** Whether the delays' tail is unbounded, as an exponential's, not bounded as a uniform's or steady. */
    boolean unboundedTail() {
        return tailScale >= UNBOUNDED_TAIL * Math.max(1, conditions.delayQuantiles(0.5)[0]);
    }

    /**
     * The plan's predicted latencies and messages. Where it lengthens the linger of a plan in force whose
     * origins fan out, its maximum is at least what the change costs: the model counts on every node sending
     * by the plan, seldom enough that a receiver's loop hides much of a copy's flight, but until every node
     * has heard the plan and what it sent by the old one has landed, a value that waited the new linger
     * lands among sends by the old one (real Maelstrom, 3 nodes at 300 ms: a linger lengthened from 0 to
     * 455 ms at once, predicted a 535 ms maximum, ran to 613 ms on a value of its first two seconds). So a
     * linger is lengthened in steps each of which the change can afford.
     */
    Planner.Prediction predict(Plan plan) {
        return predicted.computeIfAbsent(plan, unknown -> predictAnew(unknown, Double.POSITIVE_INFINITY).orElseThrow());
    }

    /**
     * The plan's prediction where it meets the limits, empty where it does not: the planner's question, which
     * for most plans it asks is answered by the first few values later than the maximum allows.
     */
    Optional<Planner.Prediction> ifMeets(Plan plan) {
        Optional<Planner.Prediction> found = Optional.ofNullable(predicted.get(plan)).or(() -> predictAnew(plan, maxLimit));
        found.ifPresent(prediction -> predicted.put(plan, prediction));
        return found.filter(this::meets);
    }

    /** The prediction, or empty as soon as too many values are later than {@code late} for a run's maximum to be within it. */
    private Optional<Planner.Prediction> predictAnew(Plan plan, double late) {
        TrafficModel.Rates rates = TrafficModel.rates(plan, conditions);
        int lateAllowed = DeliveryModel.VALUES - 1 - rank(DeliveryModel.VALUES, maxQuantile);
        double[] latencies = model.latencies(plan, rates, plan.linger(), late, lateAllowed);
        long sendersLinger = inForce != null && inForce.shape().fansOut() ? Math.min(inForce.linger(), plan.linger()) : plan.linger();
        double[] changing = latencies != null && plan.shape().fansOut() && sendersLinger < plan.linger()
                ? model.latencies(plan, rates, sendersLinger, late, lateAllowed) : latencies;
        if (changing == null) {
            return Optional.empty();
        }
        return Optional.of(new Planner.Prediction(plan, quantile(latencies, 0.5), Math.max(runMax(latencies), runMax(changing)),
                cost(plan)));
    }

    /**
     * A run's maximum from the sorted latencies: the quantile it stands at, and where the latencies' tail is longer
     * than the delays', which the margin allows for ({@link #maxMargin}), the rest of how far a run's maximum passes it
     * one run in ten. Such a tail over a bounded network is one of few reads: most values are read by no node before
     * they land, the slowest are those a read just missed late in a long flight, and one run's maximum is far from the next's.
     */
    private double runMax(double[] sorted) {
        int at = rank(sorted.length, maxQuantile);
        int slowest = Math.max(TAIL_SAMPLES, sorted.length - 1 - at);
        double scale = Arrays.stream(sorted, sorted.length - slowest, sorted.length).average().orElseThrow()
                - sorted[sorted.length - slowest - 1];
        return sorted[at] + sampledExceedance * Math.max(0, scale - tailScale);
    }

    /** The plan's messages a second: far cheaper than its prediction. */
    double cost(Plan plan) {
        return traffic.messagesPerSecond(plan, conditions);
    }

    double medianLimit() {
        return medianLimit;
    }

    double maxLimit() {
        return maxLimit;
    }

    String target() {
        return String.format(Locale.ROOT, "median <= %.0f ms, max <= %.0f ms", medianLimit, maxLimit);
    }

    boolean meets(Planner.Prediction prediction) {
        return prediction.median() <= medianLimit && prediction.max() <= maxLimit;
    }

    /** How far the prediction is from the objective: 1 or less meets it. */
    double shortfall(Planner.Prediction prediction) {
        return Math.max(prediction.median() / Math.max(1, medianLimit), prediction.max() / Math.max(1, maxLimit));
    }

    /**
     * The share of the objective's maximum kept in reserve, for delays whose tail has this scale (ms): the
     * floor, for what moves a run's maximum besides the network, and what the largest of many such delays
     * passes its usual value by one time in ten (an exponential tail's largest draw is Gumbel: 2.25 scales),
     * up to the margin for heavy tails. A steady network's maximum is predicted to a few milliseconds, and
     * the full margin there cost the messages of a faster plan than the objective needs.
     */
    static double maxMargin(BroadcastProperties.Objective objective, double tailScale) {
        return Math.min(objective.maxMargin(), objective.maxMarginFloor() + NINE_IN_TEN * tailScale / objective.max().toMillis());
    }

    /**
     * How long a hop to the hub may take before the values it brings leave the hub at once instead of with its
     * next batch ({@link FlushSchedule#hurry}), in milliseconds; the {@link DeliveryModel} predicts with it. Under
     * a heavy tail a run's slowest values are those whose first hop was one of its longest, and the hub's wait
     * on top of that hop, up to an interval, is what made them the slowest.
     * Late is {@link #LATE_PAST_P90} times the record's 90th percentile, a quantile that a spell of late messages
     * (a few percent of the record, where Maelstrom's delivery loop slept on one) does not move: taken from the
     * 99th, the spell set the mark above itself, the model saw no hop that would hurry, and took the spell for a
     * tail no star could meet. And at least a quarter of the objective's maximum: a shorter hop with a batch's
     * wait on top is what the plan was chosen for.
     */
    static double hurryAfter(BroadcastProperties.Objective objective, Conditions conditions) {
        return Math.max(LATE_PAST_P90 * conditions.delayQuantiles(0.9)[0], LATE_FLOOR * objective.max().toMillis());
    }

    /** The q-quantile of sorted times. */
    static double quantile(double[] sorted, double q) {
        return sorted[rank(sorted.length, q)];
    }

    /** Where the q-quantile of n sorted times stands. */
    private static int rank(int n, double q) {
        return (int) Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1));
    }

    /** The quantile of values' latencies a run's maximum stands at: one value in those of a run of the horizon's length. */
    static double maxQuantile(BroadcastProperties.Objective objective, double valuesPerSecond) {
        return 1 - 1 / (valuesPerRun(objective, valuesPerSecond) + 1);
    }

    /**
     * How many tail scales past {@link #maxQuantile} a run's maximum reaches one run in ten, as far as the
     * model's sample shows it: 2.25 for a run of a hundred values or fewer (an exponential tail's, the
     * Gumbel law's), none for a run of a thousand or more, whose maximum stands at the sample's largest value.
     */
    static double sampledExceedance(BroadcastProperties.Objective objective, double valuesPerSecond) {
        double valuesPerRun = valuesPerRun(objective, valuesPerSecond);
        double finest = 1.0 / DeliveryModel.VALUES;
        double usual = Math.max(1 / (valuesPerRun + 1), finest);
        double oneRunInTen = Math.max(1 - Math.pow(RUNS_HELD, 1 / valuesPerRun), finest);
        return Math.log(usual / oneRunInTen);
    }

    private static double valuesPerRun(BroadcastProperties.Objective objective, double perSecond) {
        return Math.max(1, perSecond * objective.horizon().toMillis() / 1000.0);
    }
}
