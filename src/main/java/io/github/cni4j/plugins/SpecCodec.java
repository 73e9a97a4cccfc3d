package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cni4j.internal.json.GoJson;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the declarations of the {@link DeclaredSpec} classes (their public abstract accessors and {@link Key}
 * rules) and derives from them the field table. The JSON decoding and the builder operations on raw keys are in
 * {@link SpecDecoder}, the encoding and the rule checks in {@link SpecRules}.
 */
final class SpecCodec {

    /** How a declared accessor holds its value. */
    enum Shape { OPTIONAL, LIST, MAP }

    /** One declared key.
     * @param key the JSON key, the accessor's name
     * @param accessor the abstract accessor
     * @param shape Optional, List or Map
     * @param element the element type (String, Boolean, Integer, Long or PluginSpec for ipam; List for a list of lists)
     * @param kind the JSON type the key must have
     * @param rules the declared rules, if any
     * @param codec for a list of objects: how one element maps to JSON */
    record Attr(String key, Method accessor, Shape shape, Class<?> element, Fields.Kind kind, Optional<Key> rules,
                Optional<ElementCodec> codec) {
    }

    private static final ClassValue<List<Attr>> ATTRS = new ClassValue<>() {
        @Override
        protected List<Attr> computeValue(Class<?> type) {
            List<Attr> out = new ArrayList<>();
            List<String> order = declarationOrder(type);
            List<Class<?>> declaring = new ArrayList<>(List.of(type));
            for (int i = 0; i < declaring.size(); i++) {      // the class, then the CommonKeys it implements
                for (Class<?> k : declaring.get(i).getInterfaces()) {
                    if (k.getEnclosingClass() == CommonKeys.class && !declaring.contains(k)) {
                        declaring.add(k);
                    }
                }
            }
            for (Class<?> c : declaring) {       // the class's own keys first, each group in source order
                List<Attr> group = new ArrayList<>();
                for (Method m : c.getDeclaredMethods()) {
                    int mod = m.getModifiers();
                    if (Modifier.isAbstract(mod) && Modifier.isPublic(mod) && m.getParameterCount() == 0) {
                        group.add(attr(m));
                    }
                }
                group.sort(Comparator.comparingInt((Attr a) -> order.indexOf(a.key())).thenComparing(Attr::key));
                out.addAll(group);
            }
            return List.copyOf(out);
        }
    };

    private SpecCodec() {
    }

    /**
     * The keys in source order (those of the implemented {@link CommonKeys} first): the generated class declares one field per attribute in that order, and the JVM
     * reports a class's fields in class-file order (the JSON a conflist writes keeps insertion order, so this is
     * what makes, e.g., nerdctl's key order come out).
     */
    private static List<String> declarationOrder(Class<?> type) {
        List<String> names = new ArrayList<>();
        try {
            for (Field f : Class.forName(type.getPackageName() + ".Immutable" + type.getSimpleName())
                    .getDeclaredFields()) {
                names.add(f.getName());
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no generated class for " + type, e);
        }
        return names;
    }

    /** The declaring class of a config or builder class: the one carrying {@link PluginType}. */
    static Class<?> declaring(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(PluginType.class)) {
                return c;
            }
            Class<?> outer = c.getEnclosingClass();
            if (outer != null && outer.isAnnotationPresent(PluginType.class)) {
                return outer;
            }
        }
        throw new IllegalStateException(type + " is not a declared plugin config");
    }

    /** A fresh nested {@code Builder} of a config's class (its constructor is package-private, like this class). */
    @SuppressWarnings("unchecked")
    static <B extends SpecBuilder<B, ?>> B newBuilder(DeclaredSpec<B> spec) {
        return (B) newBuilder(spec.getClass());
    }

    static SpecBuilder<?, ?> newBuilder(Class<?> type) {
        try {
            return (SpecBuilder<?, ?>) BUILDERS.get(declaring(type)).newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a builder of " + type, e);
        }
    }

    /** The declared config class of a plugin type, when cni4j models it. */
    static Optional<Class<?>> declared(String pluginType) {
        return Optional.ofNullable(BY_TYPE.get(pluginType));
    }

    static boolean isIpam(Class<?> type) {
        return declaring(type).getAnnotation(PluginType.class).ipam();
    }

    private static final Map<String, Class<?>> BY_TYPE = byType();

    private static Map<String, Class<?>> byType() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        for (Class<?> b : SpecBuilder.class.getPermittedSubclasses()) {
            m.put(pluginType(b), declaring(b));
        }
        return Map.copyOf(m);
    }

    private static final ClassValue<Constructor<?>> BUILDERS = new ClassValue<>() {
        @Override
        protected Constructor<?> computeValue(Class<?> type) {
            for (Class<?> c : type.getDeclaredClasses()) {
                if (c.getSimpleName().equals("Builder")) {
                    try {
                        return c.getDeclaredConstructor();
                    } catch (NoSuchMethodException e) {
                        break;
                    }
                }
            }
            throw new IllegalStateException(type + " has no nested Builder()");
        }
    };

    static String pluginType(Class<?> type) {
        return declaring(type).getAnnotation(PluginType.class).value();
    }

    /** The declared keys of a config class, in source order. */
    static List<Attr> attributes(Class<?> type) {
        return ATTRS.get(declaring(type));
    }

    static Optional<Attr> attribute(Class<?> type, String key) {
        return attributes(type).stream().filter(a -> a.key().equals(key)).findFirst();
    }

    /**
     * The field table of a declared config: every key with its JSON type, {@code type}, {@code name} and
     * {@code capabilities} included.
     *
     * @param type the config class
     * @return key to JSON type
     */
    static Map<String, Fields.Kind> kinds(Class<?> type) {
        Map<String, Fields.Kind> m = new LinkedHashMap<>();
        m.put("type", Fields.Kind.STRING);
        m.put("name", Fields.Kind.STRING);
        m.put("capabilities", Fields.Kind.OBJECT);
        attributes(type).forEach(a -> m.put(a.key(), a.kind()));
        return Map.copyOf(m);
    }

    private static Attr attr(Method m) {
        Type t = m.getGenericReturnType();
        Class<?> raw = m.getReturnType();
        Optional<Key> rules = Optional.ofNullable(m.getAnnotation(Key.class));
        Type[] args = t instanceof ParameterizedType p ? p.getActualTypeArguments() : new Type[0];
        if (raw == Optional.class) {
            Class<?> e = (Class<?>) args[0];
            Fields.Kind kind = e == String.class ? rules.map(Key::json).orElse(Fields.Kind.STRING)
                    : e == Boolean.class ? Fields.Kind.BOOL
                    : e == PluginSpec.class ? Fields.Kind.OBJECT : Fields.Kind.INT;
            return new Attr(m.getName(), m, Shape.OPTIONAL, e, kind, rules, Optional.empty());
        }
        if (raw == List.class && args[0] == String.class) {
            return new Attr(m.getName(), m, Shape.LIST, String.class, Fields.Kind.STRINGS, rules, Optional.empty());
        }
        if (raw == List.class && ElementCodec.CODECS.containsKey(args[0].getTypeName())) {
            return new Attr(m.getName(), m, Shape.LIST, Object.class, Fields.Kind.ARRAY, rules,
                    Optional.of(ElementCodec.CODECS.get(args[0].getTypeName())));
        }
        if (raw == Map.class && args[1] == String.class) {
            return new Attr(m.getName(), m, Shape.MAP, String.class, Fields.Kind.OBJECT, rules, Optional.empty());
        }
        throw new IllegalStateException("unsupported declared key type " + t + " of " + m);
    }

    static String json(JsonNode v) {
        return new String(GoJson.encode(v), StandardCharsets.UTF_8);
    }

}
