package io.glomers.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@link MessageHandler} methods as Spring AOT found them at build time, each with a generated
 * direct call ({@link HandlerAotProcessor}). The generated initialisation code fills it and
 * registers it as a singleton; the {@link HandlerRegistry} then takes its handlers from here
 * instead of scanning beans and calling methods by reflection.
 */
public final class HandlerTable {

    /** The singleton's name; its presence tells the registry that the build found the handlers. */
    public static final String BEAN_NAME = "io.glomers.runtime.handlerTable";

    record Entry(String type, String beanName, Class<?> bodyType, String description, HandlerInvoker invoker) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Adds the handler of {@code type}: method {@code description} of bean {@code beanName}. */
    public HandlerTable add(String type, String beanName, Class<?> bodyType, String description, HandlerInvoker invoker) {
        entries.add(new Entry(type, beanName, bodyType, description, invoker));
        return this;
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }
}
