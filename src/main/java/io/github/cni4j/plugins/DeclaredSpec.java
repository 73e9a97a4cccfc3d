package io.github.cni4j.plugins;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The base of the plugin configs declared once: an Immutables value whose public abstract accessors are the
 * plugin's keys.
 *
 * <p>One accessor is one key, declared in the class or, for a key several plugins share, once in the
 * {@link CommonKeys} interface the class implements: its name is the JSON key, its return type the JSON type
 * ({@code Optional<String>}, {@code Optional<Boolean>}, {@code Optional<Integer>}, {@code Optional<Long>},
 * {@code Optional<PluginSpec>} for an IPAM config, {@code List<String>}, {@code Map<String, String>}), its optional
 * {@link Key} annotation the rules. From that one declaration come the accessor, the generated builder setters, the
 * JSON mapping and validation ({@link SpecDecoder}, {@link SpecRules}) and the field table the linter and the JSON
 * Schema test use ({@link SpecCodec#kinds(Class)}).
 *
 * @param <B> the config's nested {@code Builder}, which {@link #toBuilder()} fills
 */
abstract non-sealed class DeclaredSpec<B extends SpecBuilder<B, ?>> extends PluginSpec {

    DeclaredSpec() {
    }

    /** {@return a builder holding this config's keys} */
    @SuppressWarnings("unchecked")
    public final B toBuilder() {
        return (B) SpecDecoder.fill(SpecCodec.newBuilder(getClass()), tree());
    }

    /**
     * Keys no accessor declares, and declared keys whose value is JSON null, as JSON text: what
     * {@link SpecBuilder#field} keeps. Its generated builder methods ({@code putExtraJson}) are checked like
     * {@code field} by {@link SpecRules#check}.
     */
    abstract Map<String, String> extraJson();

    /** Checks that involve several keys; the per-key rules are the {@link Key} annotations. */
    void checkKeys() {
    }

    @Value.Check
    final void checkDeclared() {
        SpecRules.check(this);
        checkKeys();
    }
}
