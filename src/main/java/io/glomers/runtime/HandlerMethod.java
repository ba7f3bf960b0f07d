package io.glomers.runtime;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@link MessageHandler} method, checked once and adapted to "envelope in, reply body out". The
 * request body is bound to the method's record parameter by the shared mapper; the call itself is
 * generated code when Spring AOT found the handler at build time, reflection otherwise.
 */
final class HandlerMethod {

    // Jackson appends advice on its own settings ("but might if coercion..."), which is noise to a client.
    private static final Pattern JACKSON_ADVICE =
            Pattern.compile("(\\s*\\((but might if|set `).*|;\\s*`DeserializationFeature.*)$", Pattern.DOTALL);

    private final String type;
    private final Object bean;
    private final Class<?> bodyType;
    private final String description;
    private final HandlerInvoker invoker;

    private HandlerMethod(String type, Object bean, Class<?> bodyType, String description, HandlerInvoker invoker) {
        this.type = type;
        this.bean = bean;
        this.bodyType = bodyType;
        this.description = description;
        this.invoker = invoker;
    }

    /** A method found by scanning at start-up (the JVM path), called by reflection. */
    static HandlerMethod reflective(String type, Object bean, Method method, HandlerSignature signature) {
        method.setAccessible(true);
        HandlerInvoker invoker = (target, body, envelope) -> {
            Object[] args = !signature.takesEnvelope() ? new Object[] {body}
                    : signature.bodyFirst() ? new Object[] {body, envelope} : new Object[] {envelope, body};
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Exception exception) {
                    throw exception;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        };
        return new HandlerMethod(type, bean, signature.bodyType(), HandlerSignature.describe(method), invoker);
    }

    /** A method Spring AOT found at build time, called by the code it generated. */
    static HandlerMethod generated(String type, Object bean, Class<?> bodyType, String description, HandlerInvoker invoker) {
        return new HandlerMethod(type, bean, bodyType, description, invoker);
    }

    String type() {
        return type;
    }

    String describe() {
        return description;
    }

    /** Binds the body, runs the handler and returns its reply body, or {@code null} for none. */
    Object invoke(Envelope envelope, JsonMapper mapper) {
        Object body = bind(envelope, mapper);
        try {
            return invoker.invoke(bean, body, envelope);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Object bind(Envelope envelope, JsonMapper mapper) {
        try {
            return mapper.treeToValue(envelope.body(), bodyType);
        } catch (DatabindException e) {
            throw new MaelstromException(ErrorCode.MALFORMED_REQUEST, "malformed " + type + " body: " + explain(e));
        } catch (JacksonException e) {
            throw new MaelstromException(ErrorCode.MALFORMED_REQUEST, "malformed " + type + " body: " + e.getOriginalMessage());
        }
    }

    private static String explain(DatabindException e) {
        String field = e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getPropertyName();
        String reason = JACKSON_ADVICE.matcher(e.getOriginalMessage()).replaceFirst("");
        return field == null ? reason : "field '" + field + "': " + reason;
    }
}
