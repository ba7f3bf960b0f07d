package io.glomers.runtime;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@link MessageHandler} method, checked once and adapted to "envelope in, reply body out". The
 * request body is bound to the method's record parameter by the shared mapper.
 */
final class HandlerMethod {

    // Jackson appends advice on its own settings ("but might if coercion..."), which is noise to a client.
    private static final Pattern JACKSON_ADVICE =
            Pattern.compile("(\\s*\\((but might if|set `).*|;\\s*`DeserializationFeature.*)$", Pattern.DOTALL);

    private final String type;
    private final Object bean;
    private final Method method;
    private final Class<?> bodyType;
    private final boolean bodyFirst;
    private final boolean takesEnvelope;

    private HandlerMethod(String type, Object bean, Method method, Class<?> bodyType, boolean bodyFirst, boolean takesEnvelope) {
        this.type = type;
        this.bean = bean;
        this.method = method;
        this.bodyType = bodyType;
        this.bodyFirst = bodyFirst;
        this.takesEnvelope = takesEnvelope;
    }

    /** Checks the signature, or explains what is wrong with it. */
    static HandlerMethod of(String type, Object bean, Method method) {
        Parameter[] parameters = method.getParameters();
        Class<?> bodyType = null;
        int envelopes = 0;
        boolean bodyFirst = false;
        for (int i = 0; i < parameters.length; i++) {
            Class<?> parameterType = parameters[i].getType();
            if (parameterType == Envelope.class) {
                envelopes++;
            } else if (parameterType.isRecord() && bodyType == null) {
                bodyType = parameterType;
                bodyFirst = i == 0;
            } else {
                throw invalid(method, "parameter " + parameterType.getSimpleName()
                        + " is neither the body record nor an Envelope");
            }
        }
        if (bodyType == null || envelopes > 1) {
            throw invalid(method, "it must take one body record, optionally followed by the Envelope");
        }
        Class<?> returnType = method.getReturnType();
        if (returnType != void.class && !returnType.isAnnotationPresent(MessageType.class)) {
            throw invalid(method, "it must return void or a @MessageType record, not " + returnType.getSimpleName());
        }
        method.setAccessible(true);
        return new HandlerMethod(type, bean, method, bodyType, bodyFirst, envelopes == 1);
    }

    String type() {
        return type;
    }

    String describe() {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    /** Binds the body, runs the handler and returns its reply body, or {@code null} for none. */
    Object invoke(Envelope envelope, JsonMapper mapper) {
        Object body = bind(envelope, mapper);
        Object[] args = !takesEnvelope ? new Object[] {body}
                : bodyFirst ? new Object[] {body, envelope} : new Object[] {envelope, body};
        try {
            return method.invoke(bean, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
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


    private static IllegalStateException invalid(Method method, String why) {
        return new IllegalStateException("@MessageHandler " + method.getDeclaringClass().getName() + "."
                + method.getName() + " has a bad signature: " + why);
    }
}
