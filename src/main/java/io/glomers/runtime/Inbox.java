package io.glomers.runtime;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The entrance for input lines from any thread: parses each into an {@link Envelope} and queues it
 * on the event loop. A line that is not a message is logged and skipped; the node keeps serving.
 */
@Slf4j
@Component
@RequiredArgsConstructor
public class Inbox implements EarlyStdin.Target {

    private static final int EXCERPT = 200;

    private final JsonMapper mapper;
    private final EventLoop loop;
    private final Dispatcher dispatcher;
    private final NodeLifecycle lifecycle;


    /** Accepts one protocol line, read just now. */
    public void accept(String line) {
        accept(line, false, 0);
    }

    /**
     * Accepts one protocol line read {@code ageMillis} ago; {@code answered}: {@link EarlyStdin} answered it
     * already, so its handler runs but its reply is not sent again.
     */
    @Override
    public void accept(String line, boolean answered, long ageMillis) {
        long receivedAt = loop.currentTimeMillis() - ageMillis;
        Outbox.TRACE.debug("in  {}", line);
        if (line.isBlank()) {
            return;
        }
        Envelope envelope;
        try {
            envelope = toEnvelope(mapper.readTree(line), receivedAt);
        } catch (JacksonException e) {
            log.warn("Skipping a line that is not JSON ({}): {}", e.getOriginalMessage(), excerpt(line));
            return;
        }
        if (envelope == null) {
            log.warn("Skipping a line that is not a Maelstrom message (needs string src and dest, object body): {}",
                    excerpt(line));
            return;
        }
        loop.execute(() -> dispatcher.dispatch(envelope, answered));
    }

    @Override
    public void unreadable(String why) {
        log.warn(why);
    }

    /** Called once when the input has ended; the node stops after the work already queued. */
    @Override
    public void endOfInput() {
        loop.execute(lifecycle::inputEnded);
    }

    private static Envelope toEnvelope(JsonNode node, long receivedAt) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode src = node.get("src");
        JsonNode dest = node.get("dest");
        JsonNode body = node.get("body");
        if (src == null || !src.isString() || dest == null || !dest.isString() || body == null || !body.isObject()) {
            return null;
        }
        return new Envelope(src.asString(), dest.asString(), body, receivedAt);
    }

    private static String excerpt(String line) {
        return line.length() <= EXCERPT ? line : line.substring(0, EXCERPT) + "... (" + line.length() + " chars)";
    }
}
