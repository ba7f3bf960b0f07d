package io.glomers.broadcast;

import io.glomers.runtime.Cluster;
import io.glomers.runtime.Envelope;
import io.glomers.runtime.EventLoop;
import io.glomers.runtime.InitGate;
import io.glomers.runtime.MessageHandler;
import io.glomers.runtime.Messenger;
import io.glomers.runtime.NodeInitialized;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import lombok.extern.slf4j.Slf4j;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gets every value to every node, whatever the network does. The {@link Dissemination} says who forwards what;
 * this class batches, acknowledges by summary, retransmits with backoff until confirmed, and refills peers that
 * lost their memory. It sends nothing when nothing is owed. Runs on the event loop.
 */
@Slf4j
@Component
public class Gossiper {

    private final MessageStore store;
    private final Messenger messenger;
    private final EventLoop loop;
    private final BroadcastProperties properties;
    private final AckJournal journal;
    private final ClientReads reads;
    private final InitGate.Hold readiness; // the adaptive overlay's: init_ok waits for the hub's word on the hops
    private final long epoch;

    private final Map<String, PeerLink> links = new LinkedHashMap<>();
    // Deliveries to partners are confirmed and retried; to anyone else, sent once (Dissemination.partners()).
    // A list, not Set.of: its iteration order is salted per JVM, and a simulated run must replay exactly.
    private List<String> partners = List.of();
    private FlushSchedule flushes;
    private GapRepair repairs; // only where the overlay fills gaps (Dissemination.fillsGaps())
    private Dissemination dissemination;

    public Gossiper(MessageStore store, Messenger messenger, EventLoop loop, BroadcastProperties properties,
            AckJournal journal, ClientReads reads, RandomGenerator random, InitGate gate) {
        this.store = store;
        this.messenger = messenger;
        this.loop = loop;
        this.properties = properties;
        this.journal = journal;
        this.reads = reads;
        this.readiness = gate.hold(properties.readyWait()); // before init: its answer waits from the start
        long drawn = random.nextLong();
        this.epoch = drawn == PeerLink.UNKNOWN_EPOCH ? 1 : drawn;
    }

    @EventListener
    public void start(NodeInitialized event) {
        Cluster cluster = event.cluster();
        dissemination = Dissemination.create(properties, cluster, reads, loop, readiness);
        partners = dissemination.partners();
        flushes = new FlushSchedule(loop, dissemination::batching, this::flush,
                () -> links.values().stream().anyMatch(PeerLink::hasNews));
        repairs = dissemination.fillsGaps() ? new GapRepair(store, properties, loop, this::repairCheck) : null;
        for (String peer : cluster.peers()) {
            links.put(peer, new PeerLink(peer, new Backoff(properties.retransmitTimeout(), properties.maxRetransmitTimeout())));
        }
        // This process may be a restart that lost everything: tell the peers that refill us.
        dissemination.greetWhenReady(() -> partners.stream().map(links::get).forEach(link -> {
            transmit(link, link.greet(properties.limits().maxValuesPerGossip(), now()));
            reschedule(link);
        }));
        // What a previous incarnation acknowledged but may not have passed on: one batch per peer.
        for (long value : journal.open(cluster.self())) {
            if (store.add(value)) {
                spread(value, null, true, true);
            }
        }
        flushes.decide(FlushSchedule.Timing.NOW_IF_DUE);
    }

    /**
     * A value from a client: journal it, store it and start it on its way, all before it is acknowledged. The journal
     * comes first: when it refuses, nothing has changed, and a retry of the same broadcast is not mistaken for a
     * value already taken care of. The value is on the network before the handler's reply (when batching allows it at
     * once): a node killed right after acknowledging a broadcast has already passed it on.
     */
    public void accept(long value) {
        if (!store.contains(value)) {
            journal.record(value);
            store.add(value);
            spread(value, null, true, true);
        }
        flushes.decide(FlushSchedule.Timing.NOW_IF_DUE);
    }

    /** A peer's gossip; what it brings leaves from the loop, after the inbox's waiting messages (a burst: one flush). */
    @MessageHandler("gossip")
    Gossip.Ok receive(Gossip gossip, Envelope envelope) {
        try {
            take(gossip, envelope);
        } finally {
            flushes.decide(FlushSchedule.Timing.FROM_THE_LOOP);
        }
        return envelope.msgId() == null ? null : new Gossip.Ok();
    }

    private void take(Gossip gossip, Envelope envelope) {
        PeerLink link = links.get(envelope.src());
        if (link == null) {
            log.warn("Ignoring gossip from {}, which is not a peer", envelope.src());
            return;
        }
        ValueSet have = gossip.summaryWithin(properties.limits());
        dissemination.heard(gossip, link.peer(), envelope.receivedAtMillis());
        if (dissemination.hurries(gossip, link.peer(), envelope.receivedAtMillis())) {
            flushes.hurry();
        }
        boolean partner = partners.contains(link.peer());
        if (link.epoch() != gossip.epoch()) {
            restarted(link, gossip.epoch(), have, partner);
        }
        ValueSet lost = link.confirm(have, now(), now() - properties.lossDetection().toMillis());
        if (!lost.isEmpty()) {
            log.debug("{} lacks {} values sent over {} ago; sending them again", link.peer(), lost.size(),
                    properties.lossDetection());
            flushes.want();
        }
        if (gossip.peerEpoch() == epoch) {
            link.greeted();
        }
        for (long value : gossip.values()) {
            boolean added = store.add(value);
            if (added || Boolean.TRUE.equals(gossip.relay())) { // a copy that asks a relay the first did not: it holds
                spread(value, link.peer(), gossip.relayAsked(), added);
            }
        }
        boolean answerNow = dissemination.answersAtOnce(gossip, link.peer());
        if (partner && (gossip.values().length > 0 || gossip.peerEpoch() != epoch || answerNow)) {
            link.oweAck(now() + (answerNow ? 0 : properties.ackDelay().toMillis()));
        } else if (!partner && gossip.values().length > 0) {
            // Sent once and unconfirmed: tell the repairers instead, so they do not refill it.
            for (String peer : partners) {
                links.get(peer).oweAck(now() + properties.ackDelay().toMillis());
                reschedule(links.get(peer));
            }
        }
        if (partner && repairs != null) {
            repair(link, have);
        }
        reschedule(link);
    }

    private void spread(long value, String from, boolean relayAsked, boolean added) {
        if (added) {
            dissemination.arrived(value, from, now());
        }
        boolean skipLinger = dissemination.skipsLinger(from, relayAsked);
        for (String target : dissemination.targets(from, relayAsked)) {
            if (links.get(target).offer(value, partners.contains(target))) {
                flushes.want(skipLinger);
            }
        }
        if (added && repairs != null) {
            repairs.arrived(value);
        }
    }

    /** The repair timer: refills every peer this node repairs with what it lacks. */
    private void repairCheck() {
        boolean unsettled = false;
        for (String peer : partners) {
            PeerLink link = links.get(peer);
            repair(link, link.confirmed());
            reschedule(link);
            unsettled |= !store.minus(link.confirmed()).isEmpty();
        }
        repairs.checked(unsettled);
        flushes.decide(FlushSchedule.Timing.NOW_IF_DUE);
    }

    /** Sends every peer the values it is owed and has not been sent yet. */
    private void flush() {
        flushes.flushing();
        long now = now();
        for (PeerLink link : links.values()) {
            if (link.hasNews()) {
                transmit(link, link.send(link.due(now), properties.limits().maxValuesPerGossip(), now));
                reschedule(link);
            }
        }
        flushes.remainder();
    }

    /** Owes the peer what it lacks and will not get otherwise ({@link GapRepair#gaps}). */
    private void repair(PeerLink link, ValueSet have) {
        ValueSet added = link.owe(repairs.gaps(link, have));
        if (!added.isEmpty()) {
            log.debug("{} lacks {} values; refilling", link.peer(), added.size());
            if (link.hasFresh()) {
                flushes.want();
            }
        }
    }

    /** The peer came back with another epoch: whatever it confirmed before is gone, recent values included. */
    private void restarted(PeerLink link, long newEpoch, ValueSet have, boolean partner) {
        if (link.epoch() != PeerLink.UNKNOWN_EPOCH) {
            log.info("{} restarted (epoch {} -> {}); what it had is gone", link.peer(), link.epoch(), newEpoch);
        }
        link.peerRestarted(newEpoch);
        if (partner) {
            link.owe(store.minus(have));
            if (link.hasFresh()) {
                flushes.want();
            }
        }
    }

    /** A link's timer: retransmits the unconfirmed, or sends the ack no other traffic carried (owed values ride along). */
    private void service(PeerLink link) {
        link.timerFired();
        long now = now();
        PeerLink.Due due = link.due(now);
        if (due.retransmission() || link.ackDue(now)) {
            transmit(link, link.send(due, properties.limits().maxValuesPerGossip(), now));
            flushes.remainder();
        }
        reschedule(link);
    }

    private void transmit(PeerLink link, long[] values) {
        Gossip gossip = dissemination.stamp(new Gossip(epoch, link.epoch(), values,
                store.toRanges(properties.limits().maxSummaryRanges())), link.peer(), now());
        for (int copy = dissemination.copies(gossip, link.peer()); copy > 0; copy--) {
            messenger.send(link.peer(), gossip);
        }
    }

    private void reschedule(PeerLink link) {
        link.rearm(now(), delay -> loop.schedule(Duration.ofMillis(delay), () -> service(link)));
    }

    private long now() {
        return loop.currentTimeMillis();
    }
}
