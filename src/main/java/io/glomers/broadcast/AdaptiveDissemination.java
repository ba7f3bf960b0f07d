package io.glomers.broadcast;

import io.glomers.runtime.Envelope;
import io.glomers.runtime.EventLoop;
import io.glomers.runtime.InitGate;
import java.time.Duration;
import java.util.List;
import lombok.extern.slf4j.Slf4j;

/**
 * The overlay that chooses its own shape and batching to meet a latency objective with the fewest
 * messages ({@code broadcast.objective.*}). The hub measures, from gossip it gets anyway, the one-way
 * delay (every gossip is stamped with its send time), the rate of new values and the clients' reads
 * (origins report theirs); every {@code replan-interval} while values flow it asks the {@link Planner}
 * for the plan, off the event loop (a cold JVM takes a few hundred milliseconds, which the hub's deliveries
 * must not wait for), and announces it on every gossip it sends. Origins follow the latest plan they heard;
 * until then, and wherever the clocks cannot be compared, everyone keeps the star of {@code broadcast.origin.*}
 * and {@code .relay.*}, unless two hops are too long ({@link StartHops}). Whatever the plan, the hub and each
 * node confirm and retransmit between them, and the hub fills gaps: a change of plan never loses a value.
 */
@Slf4j
final class AdaptiveDissemination implements Dissemination {

    private final String self;
    private final String hub;
    private final List<String> peers;
    private final BroadcastProperties.Objective objective;
    private final Planner planner;
    private final HubMeasurements measurements;
    private final ChangeOver changeOver = new ChangeOver();
    private final ClusterReads reads;
    private final EventLoop loop;

    /** Everyone's plan until the hub's first: a star, with the intervals of {@code broadcast.origin} and {@code .relay}. */
    private final Plan startPlan;
    private Plan plan;
    private long planEpoch; // the hub process whose plan this node follows
    private long nextPlanAt = Long.MIN_VALUE;
    private Conditions plannedFor; // the conditions the plan was last chosen under
    private final StartHops startHops;
    private boolean planning; // a choice is being computed: one at a time, from conditions measured when asked
    private boolean hubOnlyValuesQueued; // at an origin, a client's value queued for the hub alone since its last gossip with values
    private boolean toldStartKept; // the hub's first look kept the starting plan, and said so

    AdaptiveDissemination(String self, String hub, List<String> peers, BroadcastProperties properties, ClientReads reads,
            EventLoop loop, InitGate.Hold readiness) {
        this.self = self;
        this.hub = hub;
        this.peers = peers;
        this.objective = properties.objective();
        this.measurements = new HubMeasurements(objective);
        this.reads = new ClusterReads(reads);
        this.loop = loop;
        TrafficModel traffic = new TrafficModel(properties.ackDelay().toMillis() / 1000.0);
        this.planner = new Planner(objective, traffic);
        this.startPlan = new Plan(0, Plan.Shape.STAR, properties.origin().linger().toMillis(),
                properties.relay().minInterval().toMillis());
        this.plan = startPlan;
        this.startHops = new StartHops(peers.size(), loop.currentTimeMillis(), readiness);
        if (isHub() && !peers.isEmpty()) {
            // Its first plan comes with the workload's first second, when every node's code is compiling at once.
            startHops.preparing();
            loop.offload(() -> Planner.warmUp(objective, traffic, peers.size() + 1), done -> startHops.prepared());
        }
    }

    @Override
    public String self() {
        return self;
    }

    @Override
    public String hub() {
        return hub;
    }

    @Override
    public List<String> peers() {
        return peers;
    }

    Plan plan() {
        return plan;
    }

    @Override
    public List<String> targets(String from, boolean relayAsked) {
        if (isHub()) {
            return from == null ? peers
                    : relayAsked ? peers.stream().filter(peer -> !peer.equals(from)).toList() : List.of();
        }
        return from != null ? List.of() : plan.shape().fansOut() ? peers : List.of(hub);
    }

    @Override
    public BroadcastProperties.Batching batching() {
        boolean hubBatches = isHub() && plan.shape().relays();
        long originInterval = Planner.startOriginInterval(plan, objective, startHops.hop());
        return new BroadcastProperties.Batching(Duration.ofMillis(hubBatches ? 0 : plan.linger()),
                Duration.ofMillis(hubBatches ? changeOver.interval(plan, loop.currentTimeMillis()) : originInterval));
    }

    /**
     * At the hub, a value an origin asked it to relay while the plan in force relays nothing: the origin had not
     * heard the plan yet and sent the value to the hub alone. It has taken one hop already, so it leaves at once
     * rather than after the linger the hub keeps for its own clients' values, which would come on top of two hops.
     */
    @Override
    public boolean skipsLinger(String from, boolean relayAsked) {
        return isHub() && from != null && relayAsked && !plan.shape().relays();
    }

    @Override
    public void heard(Gossip gossip, String from, long readAt) {
        if (isHub()) {
            boolean greeting = measurements.heard(gossip, from, readAt);
            reads.heard(from, gossip.reads());
            boolean heardEveryNode = HubMeasurements.timed(gossip, readAt)
                    && startHops.heardAtHub(from, greeting, gossip.sent(), readAt, gossip.startHop());
            followTheHopsUntilTheFirstPlan();
            if (heardEveryNode) {
                log.info("Heard every node: the longest hop expected is {} ms; starting by {}", startHops.announced(),
                        Planner.describeStart(plan, objective, startHops.hop()));
            }
            if (readAt != Envelope.UNKNOWN) {
                replanIfDue(readAt);
            }
        } else if (from.equals(hub)) {
            if (gossip.plan() != null && (gossip.epoch() != planEpoch || gossip.plan().seq() > plan.seq())) {
                planEpoch = gossip.epoch();
                plan = gossip.plan();
            }
            startHops.heardFromHub(gossip.epoch(), gossip.sent(), readAt == Envelope.UNKNOWN ? Long.MIN_VALUE : readAt,
                    gossip.startHop(), plan.seq() > 0);
            followTheHopsUntilTheFirstPlan();
        }
    }

    /**
     * Until the hub's first plan every node, the hub too, sends by the starting star, or straight to everyone
     * where two of the hops it knows pass the objective or one hop is all there is
     * ({@link Planner#beforeTheFirstPlan}): the plan in force, which the hub's first look judges.
     */
    private void followTheHopsUntilTheFirstPlan() {
        if (plan.seq() == 0 && startHops.hop() != Long.MAX_VALUE) {
            plan = Planner.beforeTheFirstPlan(startPlan, objective, startHops.hop(), peers.size() + 1);
        }
    }

    /** At the hub, values to relay that took a hop far longer than usual ({@link Judge#hurryAfter}). */
    @Override
    public boolean hurries(Gossip gossip, String from, long readAt) {
        return isHub() && gossip.relayAsked() && plan.shape().relays() && measurements.late(gossip, readAt);
    }

    /** Awaiting the word on the hops: the hub and a node it wants more samples of answer each other (each answer is one). */
    @Override
    public boolean answersAtOnce(Gossip gossip, String from) {
        return startHops.holding() && (isHub() ? startHops.wantsMoreFrom(from) : from.equals(hub) && gossip.startHop() == null);
    }

    /** The hub greets with the longest hop it expects once it knows it (or as its init_ok goes without it). */
    @Override
    public void greetWhenReady(Runnable greet) {
        startHops.greetWhenReady(isHub(), greet);
    }

    @Override
    public void arrived(long value, String from, long now) {
        if (isHub()) {
            measurements.arrived(value, from == null && !peers.isEmpty() && plan.shape() == Plan.Shape.DIRECT, now);
            replanIfDue(now);
        } else if (from == null && !plan.shape().fansOut()) {
            hubOnlyValuesQueued = true;
        }
    }

    @Override
    public Gossip stamp(Gossip gossip, String to, long now) {
        if (isHub()) {
            measurements.left(gossip.values(), now, plan);
            return gossip.stamped(now, null, plan, null, plan.seq() == 0 ? startHops.announced() : null);
        }
        if (!to.equals(hub)) {
            return gossip.stamped(now, null, null, null, null);
        }
        boolean carriesValues = gossip.values().length > 0;
        boolean relay = plan.shape().relays() || hubOnlyValuesQueued && carriesValues;
        // One gossip carries every value queued for a peer (broadcast.limits bounds it far above a batch).
        hubOnlyValuesQueued &= !carriesValues;
        return gossip.stamped(now, relay, null, reads.ownReport(), startHops.reportBack());
    }

    /** An origin's values leave for the hub as many times as the plan's shape says; nothing else goes twice. */
    @Override
    public int copies(Gossip gossip, String to) {
        return !isHub() && to.equals(hub) && gossip.values().length > 0 ? plan.shape().hubCopies() : 1;
    }

    private void replanIfDue(long now) {
        if (planning || now < nextPlanAt || !measurements.enoughToPlan(now)) {
            return;
        }
        nextPlanAt = now + objective.replanInterval().toMillis();
        Conditions conditions = measurements.conditions(peers.size() + 1, reads, now);
        if (plannedFor != null && conditions.closeTo(plannedFor)) {
            return;
        }
        planning = true;
        Plan current = plan;
        loop.offload(() -> choose(conditions, current), choice -> adopt(choice, conditions, now));
    }

    /** The planner's choice; none when it failed, which leaves the plan as it is until the next try. */
    private Planner.Choice choose(Conditions conditions, Plan current) {
        try {
            return planner.choose(conditions, current);
        } catch (RuntimeException e) {
            log.error("Planning failed under {}; keeping the plan {}", conditions.describe(), current.describe(), e);
            return null;
        }
    }

    private void adopt(Planner.Choice choice, Conditions conditions, long askedAt) {
        planning = false;
        if (choice == null) {
            return;
        }
        // A change the planner holds back for a second look must be looked at again, however alike.
        plannedFor = !choice.looksAgain() && (choice.changed() || choice.meetsObjective()) ? conditions : null;
        if (choice.changed()) {
            Plan previous = plan;
            plan = choice.prediction().plan().numbered(plan.seq() + 1);
            measurements.planChanged();
            changeOver.changed(previous, plan, loop.currentTimeMillis(), conditions.delayQuantiles(0.99)[0]);
            log.info("Plan {}: {} (predicted {}), was {}: {}; measured {}; planned in {} ms", plan.seq(), plan.describe(),
                    choice.prediction().describe(), previous.describe(), choice.reason(), conditions.describe(),
                    loop.currentTimeMillis() - askedAt);
        } else if (plan.seq() == 0 && !toldStartKept) {
            // Otherwise a hub whose measurements confirm the start would never say that it planned.
            toldStartKept = true;
            log.info("Plan 0 kept: {} (predicted {}): {}; measured {}", plan.describe(), choice.prediction().describe(),
                    choice.reason(), conditions.describe());
        }
    }

    private boolean isHub() {
        return self.equals(hub);
    }
}
