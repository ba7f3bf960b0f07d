package io.glomers.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method as the handler of one message type, e.g. {@code @MessageHandler("broadcast")}.
 *
 * <p>The method takes the request body as a record (fields bound by name, unknown fields ignored,
 * missing or mistyped fields rejected with error 12), optionally followed by the {@link Envelope}
 * when it needs {@code src}. It returns the reply body (a {@link MessageType} record) or {@code void}
 * when there is nothing to reply. It runs on the event loop and may throw {@link MaelstromException}.
 * Signatures are checked once at start-up; a bad one stops the node before it reads any input.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface MessageHandler {
    /** The {@code type} of the request this method handles. */
    String value();
}
