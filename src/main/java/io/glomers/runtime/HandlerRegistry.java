package io.glomers.runtime;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Knows every {@link MessageHandler} method of the application's beans once all singletons exist,
 * and refuses to start on a duplicate type or a bad signature. With Spring AOT (the packaged node)
 * the handlers come from the {@link HandlerTable} generated at build time, with direct calls; on
 * the JVM path (tests, a start without AOT) the registry scans the bean types and calls by
 * reflection. Both apply the same checks ({@link HandlerSignature}). Only beans that declare
 * handlers are asked for, so lazy beans elsewhere stay lazy. Never lazy itself: a lazy singleton
 * created after refresh would never get {@link #afterSingletonsInstantiated()}, and the node would
 * know no handlers.
 */
@Slf4j
@Component
@Lazy(false) // with spring.main.lazy-initialization=true it must still be created (and scan) at refresh
public class HandlerRegistry implements SmartInitializingSingleton {

    private final ConfigurableListableBeanFactory beanFactory;
    private final Map<String, HandlerMethod> handlers = new HashMap<>();

    public HandlerRegistry(ConfigurableListableBeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (beanFactory.containsSingleton(HandlerTable.BEAN_NAME)) {
            for (HandlerTable.Entry entry : beanFactory.getBean(HandlerTable.BEAN_NAME, HandlerTable.class).entries()) {
                register(HandlerMethod.generated(entry.type(), beanFactory.getBean(entry.beanName()), entry.bodyType(),
                        entry.description(), entry.invoker()));
            }
            log.debug("{} message handlers from the build-time table", handlers.size());
            return;
        }
        for (HandlerDiscovery.Found found : HandlerDiscovery.find(beanFactory)) {
            register(HandlerMethod.reflective(found.type(), beanFactory.getBean(found.beanName()), found.method(),
                    found.signature()));
        }
        log.debug("{} message handlers found by scanning the beans", handlers.size());
    }

    /** The handler for a message type, if any. */
    Optional<HandlerMethod> find(String type) {
        return Optional.ofNullable(handlers.get(type));
    }

    /** The message types this node serves. */
    public Set<String> types() {
        return Collections.unmodifiableSet(handlers.keySet());
    }

    private void register(HandlerMethod handler) {
        HandlerMethod previous = handlers.putIfAbsent(handler.type(), handler);
        if (previous != null) {
            throw HandlerDiscovery.duplicate(handler.type(), previous.describe(), handler.describe());
        }
    }
}
