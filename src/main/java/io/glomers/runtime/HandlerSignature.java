package io.glomers.runtime;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * The checked shape of a {@link MessageHandler} method: its body record, and whether the
 * {@link Envelope} comes too and in which place. The same check runs on both paths: when the
 * registry scans beans at start-up, and when Spring AOT generates direct calls at build time
 * ({@link HandlerAotProcessor}), so a signature one path accepts the other accepts too. Generated
 * code calls the method from the bean's package, hence the rules on access.
 */
record HandlerSignature(Class<?> bodyType, boolean bodyFirst, boolean takesEnvelope) {

    /** Checks the method of a bean of class {@code beanClass}, or explains what is wrong with it. */
    static HandlerSignature of(Method method, Class<?> beanClass) {
        Class<?> bodyType = null;
        int envelopes = 0;
        boolean bodyFirst = false;
        Class<?>[] parameters = method.getParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
            Class<?> parameterType = parameters[i];
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
        if (Modifier.isPrivate(method.getModifiers()) || Modifier.isPrivate(bodyType.getModifiers())) {
            throw invalid(method, "neither the method nor its body record may be private (the build calls it directly)");
        }
        if (!Modifier.isPublic(method.getModifiers())
                && !method.getDeclaringClass().getPackageName().equals(beanClass.getPackageName())) {
            throw invalid(method, "it must be public when declared outside the bean's package");
        }
        return new HandlerSignature(bodyType, bodyFirst, envelopes == 1);
    }

    static String describe(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    private static IllegalStateException invalid(Method method, String why) {
        return new IllegalStateException("@MessageHandler " + method.getDeclaringClass().getName() + "."
                + method.getName() + " has a bad signature: " + why);
    }
}
