package io.glomers.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;
import org.springframework.aot.generate.GeneratedClass;
import org.springframework.aot.generate.GeneratedMethod;
import org.springframework.aot.generate.GenerationContext;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.javapoet.CodeBlock;
import org.springframework.javapoet.MethodSpec;

/**
 * Moves the {@link MessageHandler} registry to build time (issue #15). During Spring AOT processing
 * ({@code process-aot} in {@code ./mvnw package}) it finds the handlers the way the registry would
 * at start-up, with the same checks, so a duplicate type or a bad signature fails the build. It
 * generates, next to each bean class with handlers, a class {@code <Bean>__MessageHandlers} that adds
 * each handler to a {@link HandlerTable} with a direct call, e.g.
 * {@code (bean, body, envelope) -> ((BroadcastHandlers) bean).read((BroadcastHandlers.Read) body)},
 * and registers the table before the context refreshes. At start-up the node then does no method
 * scanning, no annotation synthesis and no reflective calls for its handlers. Registered in
 * {@code META-INF/spring/aot.factories}; never loaded when the node runs.
 */
class HandlerAotProcessor implements BeanFactoryInitializationAotProcessor {

    @Override
    public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
        List<HandlerDiscovery.Found> handlers = HandlerDiscovery.find(beanFactory);
        return (generationContext, code) -> contribute(handlers, generationContext, code);
    }

    private static void contribute(List<HandlerDiscovery.Found> handlers, GenerationContext generationContext,
            BeanFactoryInitializationCode code) {
        Map<Class<?>, List<HandlerDiscovery.Found>> byBeanClass = new LinkedHashMap<>();
        handlers.forEach(found -> byBeanClass.computeIfAbsent(found.beanClass(), ignored -> new ArrayList<>()).add(found));
        List<GeneratedClass> classes = new ArrayList<>();
        byBeanClass.forEach((beanClass, found) -> classes.add(generationContext.getGeneratedClasses()
                .addForFeatureComponent("MessageHandlers", beanClass, type -> {
                    type.addJavadoc("The {@link $T} methods of {@link $T}, found at build time and called directly.",
                            MessageHandler.class, beanClass);
                    type.addModifiers(Modifier.PUBLIC);
                    type.addMethod(addTo(found));
                })));
        GeneratedMethod register = code.getMethods().add("registerMessageHandlers", method -> {
            method.addJavadoc("Registers the message handlers found at build time.");
            method.addModifiers(Modifier.PRIVATE);
            method.addParameter(DefaultListableBeanFactory.class, "beanFactory");
            method.addStatement("$T table = new $T()", HandlerTable.class, HandlerTable.class);
            classes.forEach(generated -> method.addStatement("$T.addTo(table)", generated.getName()));
            method.addStatement("beanFactory.registerSingleton($T.BEAN_NAME, table)", HandlerTable.class);
        });
        code.addInitializer(register.toMethodReference());
    }

    private static MethodSpec addTo(List<HandlerDiscovery.Found> handlers) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("addTo")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(HandlerTable.class, "table");
        for (HandlerDiscovery.Found found : handlers) {
            method.addStatement("table.add($S, $S, $T.class, $S, $L)", found.type(), found.beanName(),
                    found.signature().bodyType(), found.description(), invoker(found));
        }
        return method.build();
    }

    /** A lambda that calls the handler method directly, arguments in the method's order. */
    private static CodeBlock invoker(HandlerDiscovery.Found found) {
        HandlerSignature signature = found.signature();
        CodeBlock body = CodeBlock.of("($T) body", signature.bodyType());
        CodeBlock arguments = !signature.takesEnvelope() ? body
                : signature.bodyFirst() ? CodeBlock.of("$L, envelope", body) : CodeBlock.of("envelope, $L", body);
        CodeBlock call = CodeBlock.of("(($T) bean).$N($L)", found.beanClass(), found.method().getName(), arguments);
        return found.method().getReturnType() == void.class
                ? CodeBlock.of("(bean, body, envelope) -> {\n$>$L;\nreturn null;\n$<}", call)
                : CodeBlock.of("(bean, body, envelope) -> $L", call);
    }
}
