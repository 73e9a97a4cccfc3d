package io.github.cni4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The JPMS module exports every public package and nothing under {@code internal}. */
class ModuleDescriptorTest {

    private static final Path CLASSES = Path.of("target", "classes");

    private static ModuleDescriptor descriptor() {
        ModuleReference ref = ModuleFinder.of(CLASSES).find("io.github.cni4j").orElseThrow();
        return ref.descriptor();
    }

    @Test
    void moduleIsNamedIoGithubCni4j() {
        assertThat(descriptor().name()).isEqualTo("io.github.cni4j");
    }

    @Test
    void everyNonInternalPackageIsExportedAndNoInternalOne() throws Exception {
        Set<String> exported = descriptor().exports().stream()
                .filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        Set<String> packages;
        try (Stream<Path> files = Files.walk(CLASSES)) {
            packages = files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> CLASSES.relativize(p.getParent()).toString().replace('/', '.'))
                    .filter(p -> p.startsWith("io.github.cni4j"))
                    .collect(Collectors.toSet());
        }
        Set<String> expected = packages.stream().filter(p -> !p.contains(".internal")).collect(Collectors.toSet());
        assertThat(exported).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(exported).noneMatch(p -> p.contains(".internal"));
    }

    @Test
    void compileTimeOnlyDependenciesAreStatic() {
        Set<String> staticRequires = descriptor().requires().stream()
                .filter(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC))
                .map(ModuleDescriptor.Requires::name)
                .collect(Collectors.toSet());
        // Immutables is an annotation processor and AssertJ only serves CniAssertions: neither is needed at run time.
        assertThat(staticRequires).contains("org.immutables.value.annotations", "org.assertj.core");
    }
}
