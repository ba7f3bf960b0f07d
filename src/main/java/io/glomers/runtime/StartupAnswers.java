package io.glomers.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.core.json.JsonFactory;

/**
 * The answers to Maelstrom's start-up handshakes that need nothing but the message itself: the first
 * {@code init} and, after it, {@code topology}. {@link EarlyStdin} sends one when the Spring context is
 * not ready by the handshake's deadline; the handlers ({@code InitHandler}, the broadcast {@code topology}
 * handler) still handle both messages later, and their replies, the same, are dropped ({@link Messenger}).
 *
 * <p>Only what the handlers would certainly accept is answered here: a well-formed {@code init} whose
 * {@code node_id} is among its {@code node_ids}, and a {@code topology} whose every node maps to a list
 * of node ids, each with an integer {@code msg_id}. Anything else is left to the handlers, which answer
 * it (an error, say) in their time. It reads with Jackson's streaming parser, not a mapper: this runs
 * while 25 JVMs compete for two cores, where every millisecond of CPU costs a dozen of wall time.
 */
final class StartupAnswers {

    enum Handshake { INIT, TOPOLOGY }

    /** The reply line a handshake would get from its handler. */
    record Answer(Handshake handshake, String reply) {
    }

    /** A JSON value that is none of object, array, string or integer (a fraction, true, null...). */
    private static final Object OTHER = new Object();

    private final JsonFactory json = new JsonFactory();
    private boolean initSeen;
    private boolean topologySeen;

    /** The answer {@code line} will get from its handler, or null when only its handler may answer it. */
    Answer answer(String line) {
        if (topologySeen) {
            // Both handshakes are in: the lines a hub gets from every peer while it starts are not parsed twice.
            return null;
        }
        Object message;
        try (JsonParser parser = json.createParser(ObjectReadContext.empty(), line)) {
            message = value(parser, parser.nextToken());
            if (parser.nextToken() != null) {
                return null;
            }
        } catch (JacksonException e) {
            return null;
        }
        if (!(message instanceof Map<?, ?> envelope) || !(envelope.get("src") instanceof String src)
                || !(envelope.get("dest") instanceof String dest) || !(envelope.get("body") instanceof Map<?, ?> body)
                || !(body.get("msg_id") instanceof Long msgId) || body.containsKey("in_reply_to")) {
            return null;
        }
        Handshake handshake = switch (String.valueOf(body.get("type"))) {
            case "init" -> !initSeen && validInit(body) ? Handshake.INIT : null;
            case "topology" -> initSeen && validTopology(body) ? Handshake.TOPOLOGY : null;
            default -> null;
        };
        if (handshake == null) {
            return null;
        }
        initSeen = true;
        topologySeen = handshake == Handshake.TOPOLOGY;
        String type = handshake == Handshake.INIT ? "init_ok" : "topology_ok";
        return new Answer(handshake, "{\"src\":" + quoted(dest) + ",\"dest\":" + quoted(src)
                + ",\"body\":{\"type\":\"" + type + "\",\"in_reply_to\":" + msgId + "}}");
    }

    private static boolean validInit(Map<?, ?> body) {
        return body.get("node_id") instanceof String self && stringList(body.get("node_ids"))
                && ((List<?>) body.get("node_ids")).contains(self);
    }

    private static boolean validTopology(Map<?, ?> body) {
        return body.get("topology") instanceof Map<?, ?> topology
                && topology.values().stream().allMatch(StartupAnswers::stringList);
    }

    private static boolean stringList(Object value) {
        return value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
    }

    private static Object value(JsonParser parser, JsonToken token) {
        if (token == null) {
            return OTHER;
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next == JsonToken.PROPERTY_NAME; next = parser.nextToken()) {
                    String name = parser.currentName();
                    object.put(name, value(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != null && next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(value(parser, next));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getString();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getNumberType() == JsonParser.NumberType.INT || parser.getNumberType() == JsonParser.NumberType.LONG
                        ? (Object) parser.getLongValue() : OTHER;
            }
            default -> {
                return OTHER;
            }
        }
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        JsonStringEncoder.getInstance().quoteAsString(text, out);
        return out.append('"').toString();
    }
}
