package io.glomers.runtime;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Serialises outgoing messages to single JSON lines and hands them to the {@link LineSink}. */
@Slf4j
@Component
@RequiredArgsConstructor
public class Outbox {

    /** The logger the {@code debug} profile turns on to trace every message in and out. */
    static final Logger TRACE = LoggerFactory.getLogger("io.glomers.trace");

    private static final ConcurrentMap<Class<?>, String> TYPES = new ConcurrentHashMap<>();

    private final JsonMapper mapper;
    private final LineSink sink;


    void send(String src, String dest, Object body, Long msgId, Long inReplyTo) {
        var message = new OutgoingMessage(src, dest, new OutgoingMessage.Body(typeOf(body.getClass()), msgId, inReplyTo, body));
        byte[] line = mapper.writeValueAsBytes(message);
        if (TRACE.isDebugEnabled()) {
            TRACE.debug("out {}", new String(line, StandardCharsets.UTF_8));
        }
        sink.writeLine(line);
    }

    /** The wire type of a body record, from its {@link MessageType} annotation. */
    static String typeOf(Class<?> bodyType) {
        return TYPES.computeIfAbsent(bodyType, type -> {
            MessageType annotation = type.getAnnotation(MessageType.class);
            if (annotation == null) {
                throw new IllegalArgumentException(type.getName() + " is sent as a message body but has no @MessageType");
            }
            return annotation.value();
        });
    }
}
