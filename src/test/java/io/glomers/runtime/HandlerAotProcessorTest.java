package io.glomers.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedClass;
import org.springframework.aot.generate.GeneratedFiles;
import org.springframework.aot.generate.GeneratedMethods;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.generate.MethodReference;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.javapoet.ClassName;

/**
 * The build-time half of the handler registry: what {@code process-aot} generates, and that it
 * refuses what the registry refuses at start-up. {@code LauncherIT} runs the generated code of the
 * real node against the scanning path.
 */
class HandlerAotProcessorTest {

    private final InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
    private final DefaultGenerationContext generation =
            new DefaultGenerationContext(new ClassNameGenerator(ClassName.get("io.glomers", "Node")), files);

    @Test
    void generatesADirectCallPerHandlerNextToItsBean() throws IOException {
        List<MethodReference> initializers = generate(HandlerRegistryTest.GoodHandlers.class);

        String handlers = source("io/glomers/runtime/HandlerRegistryTest_GoodHandlers__MessageHandlers.java");
        assertThat(handlers)
                .contains("table.add(\"ping\", \"handlers\", HandlerRegistryTest.Ping.class, \"GoodHandlers.ping\", "
                        + "(bean, body, envelope) -> ((HandlerRegistryTest.GoodHandlers) bean).ping((HandlerRegistryTest.Ping) body));")
                // void, and the envelope first as the method declares it
                .contains("((HandlerRegistryTest.GoodHandlers) bean).pingFrom(envelope, (HandlerRegistryTest.Ping) body);")
                .contains("return null;")
                .doesNotContain("reflect").doesNotContain("getMethod");
        assertThat(initializers).hasSize(1);
        assertThat(source("io/glomers/Node__Init.java"))
                .contains("HandlerRegistryTest_GoodHandlers__MessageHandlers.addTo(table);")
                .contains("beanFactory.registerSingleton(HandlerTable.BEAN_NAME, table);");
    }

    @Test
    void failsTheBuildOnABadSignature() {
        assertThatIllegalStateException().isThrownBy(() -> generate(HandlerRegistryTest.TwoBodies.class))
                .withMessageContaining("has a bad signature");
        assertThatIllegalStateException().isThrownBy(() -> generate(HandlerRegistryTest.PrivateHandler.class))
                .withMessageContaining("may be private");
    }

    @Test
    void failsTheBuildOnTwoHandlersForOneType() {
        assertThatIllegalStateException()
                .isThrownBy(() -> generate(HandlerRegistryTest.GoodHandlers.class, HandlerRegistryTest.AnotherPingHandler.class))
                .withMessageContaining("Two @MessageHandler methods for type 'ping'");
    }

    /** Runs the processor on a bean factory with these handler beans; returns the initialisers it added. */
    private List<MethodReference> generate(Class<?>... beans) {
        DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
        for (int i = 0; i < beans.length; i++) {
            beanFactory.registerBeanDefinition(i == 0 ? "handlers" : "handlers" + i, new RootBeanDefinition(beans[i]));
        }
        BeanFactoryInitializationAotContribution contribution = new HandlerAotProcessor().processAheadOfTime(beanFactory);
        GeneratedClass init = generation.getGeneratedClasses().addForFeature("Init", type -> { });
        List<MethodReference> initializers = new ArrayList<>();
        contribution.applyTo(generation, new BeanFactoryInitializationCode() {
            @Override
            public GeneratedMethods getMethods() {
                return init.getMethods();
            }

            @Override
            public ClassName getClassName() {
                return init.getName();
            }

            @Override
            public void addInitializer(MethodReference methodReference) {
                initializers.add(methodReference);
            }
        });
        generation.writeGeneratedContent();
        return initializers;
    }

    private String source(String path) throws IOException {
        assertThat(files.getGeneratedFiles(GeneratedFiles.Kind.SOURCE)).containsKey(path);
        return files.getGeneratedFileContent(GeneratedFiles.Kind.SOURCE, path);
    }
}
