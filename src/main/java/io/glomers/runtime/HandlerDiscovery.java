package io.glomers.runtime;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * Finds the {@link MessageHandler} methods among a bean factory's definitions, from bean types alone
 * (no bean is created), and checks them. The registry runs it at start-up on the JVM
 * path; {@link HandlerAotProcessor} runs it at build time.
 */
final class HandlerDiscovery {

    /** One handler method of the bean {@code beanName}. */
    record Found(String type, String beanName, Class<?> beanClass, Method method, HandlerSignature signature) {
        String description() {
            return HandlerSignature.describe(method);
        }
    }

    private HandlerDiscovery() {
    }

    /** Every handler, checked; fails on a bad signature or on two handlers for one type. */
    static List<Found> find(ConfigurableListableBeanFactory beanFactory) {
        List<Found> found = new ArrayList<>();
        Map<String, Found> byType = new HashMap<>();
        for (String name : beanFactory.getBeanDefinitionNames()) {
            Class<?> type = beanFactory.getType(name, false);
            if (type == null || !isApplicationType(beanFactory, type)) {
                continue;
            }
            Class<?> beanClass = ClassUtils.getUserClass(type);
            Map<Method, MessageHandler> methods = MethodIntrospector.selectMethods(beanClass,
                    (MethodIntrospector.MetadataLookup<MessageHandler>) method ->
                            AnnotatedElementUtils.findMergedAnnotation(method, MessageHandler.class));
            methods.forEach((method, annotation) -> {
                Found handler = new Found(annotation.value(), name, beanClass, method, HandlerSignature.of(method, beanClass));
                Found previous = byType.putIfAbsent(handler.type(), handler);
                if (previous != null) {
                    throw duplicate(handler.type(), previous.description(), handler.description());
                }
                found.add(handler);
            });
        }
        return found;
    }

    static IllegalStateException duplicate(String type, String first, String second) {
        return new IllegalStateException("Two @MessageHandler methods for type '" + type + "': " + first + " and " + second);
    }

    // Handlers live in the application's own packages; framework beans need not be introspected.
    private static boolean isApplicationType(ConfigurableListableBeanFactory beanFactory, Class<?> type) {
        if (!AutoConfigurationPackages.has(beanFactory)) {
            return true;
        }
        String name = type.getPackageName();
        return AutoConfigurationPackages.get(beanFactory).stream()
                .anyMatch(root -> name.equals(root) || name.startsWith(root + "."));
    }
}
