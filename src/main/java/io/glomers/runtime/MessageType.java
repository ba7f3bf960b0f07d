package io.glomers.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The wire {@code type} of a body record the node sends, e.g. {@code @MessageType("read_ok")}.
 * The runtime writes {@code type}, {@code msg_id} and {@code in_reply_to}; the record holds the rest.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface MessageType {
    String value();
}
