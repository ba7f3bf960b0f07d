package io.glomers.runtime;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Finds every {@link MessageHandler} method of the application's beans once, when all singletons
 * exist, and refuses to start on a duplicate type or a bad signature. Only beans that declare
 * handlers are asked for, so lazy beans elsewhere stay lazy. Never lazy itself: a lazy singleton
 * created after refresh would never get {@link #afterSingletonsInstantiated()}, and the node would
 * know no handlers.
 */
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
        for (String name : beanFactory.getBeanDefinitionNames()) {
            Class<?> type = beanFactory.getType(name, false);
            if (type == null || !isApplicationType(type)) {
                continue;
            }
            Map<Method, MessageHandler> methods = MethodIntrospector.selectMethods(ClassUtils.getUserClass(type),
                    (MethodIntrospector.MetadataLookup<MessageHandler>) method ->
                            AnnotatedElementUtils.findMergedAnnotation(method, MessageHandler.class));
            if (!methods.isEmpty()) {
                Object bean = beanFactory.getBean(name);
                methods.forEach((method, annotation) -> register(HandlerMethod.of(annotation.value(), bean, method)));
            }
        }
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
            throw new IllegalStateException("Two @MessageHandler methods for type '" + handler.type() + "': "
                    + previous.describe() + " and " + handler.describe());
        }
    }

    // Handlers live in the application's own packages; framework beans need not be introspected.
    private boolean isApplicationType(Class<?> type) {
        if (!AutoConfigurationPackages.has(beanFactory)) {
            return true;
        }
        String name = type.getPackageName();
        return AutoConfigurationPackages.get(beanFactory).stream()
                .anyMatch(root -> name.equals(root) || name.startsWith(root + "."));
    }
}
