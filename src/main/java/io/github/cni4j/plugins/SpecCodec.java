package io.github.cni4j.plugins;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the declarations of the {@link DeclaredSpec} classes (their public abstract accessors, {@link Key} rules and
 * {@link PluginType}) into one table per class, from which {@link SpecDecoder} reads JSON into a builder and
 * {@link SpecRules} writes and checks a config.
 */
final class SpecCodec {

    /** How a declared accessor holds its value. */
    enum Shape { OPTIONAL, LIST, MAP }

    /** One key: a declared one, or {@code name} and {@code capabilities}, which every config has.
     * @param key the JSON key, the accessor's name
     * @param accessor the abstract accessor
     * @param setter the generated builder's setter taking an Optional, an Iterable or a Map
     * @param shape Optional, List or Map
     * @param element the value or element type (String, Boolean, Integer, Long or PluginSpec for ipam)
     * @param kind the JSON type the key must have
     * @param rules the declared rules, if any
     * @param codec for a list of objects: how one element maps to JSON */
    record Attr(String key, Method accessor, Method setter, Shape shape, Class<?> element, Fields.Kind kind,
                Optional<Key> rules, Optional<ElementCodec> codec) {

        Object get(Object spec) {
            return invoke(accessor, spec);
        }

        void set(Object builder, Object value) {
            invoke(setter, builder, value);
        }

        Object empty() {
            return shape == Shape.LIST ? List.of() : shape == Shape.MAP ? Map.of() : Optional.empty();
        }
    }

    /** A declared class's plugin, its nested {@code Builder}'s constructor, and its keys ({@code name} first,
     * {@code capabilities} last). */
    private record Declared(PluginType plugin, Constructor<?> builder, List<Attr> keys) {
    }

    private static final ClassValue<Declared> DECLARED = new ClassValue<>() {
        @Override
        protected Declared computeValue(Class<?> type) {
            Class<?> builder = Arrays.stream(type.getDeclaredClasses()).filter(c -> c.getSimpleName().equals("Builder"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(type + " has no nested Builder"));
            List<String> order = declarationOrder(type);
            List<Class<?>> groups = new ArrayList<>(List.of(PluginSpec.class, type));
            groups.addAll(List.of(type.getInterfaces()));
            Comparator<Method> bySource = Comparator.comparingInt((Method m) -> m.getName().equals("capabilities")
                    ? groups.size() : groups.indexOf(m.getDeclaringClass())).thenComparingInt(m -> order.indexOf(m.getName()));
            List<Attr> keys = Arrays.stream(type.getMethods()).filter(m -> Modifier.isAbstract(m.getModifiers())
                            && m.getParameterCount() == 0 && groups.contains(m.getDeclaringClass()))
                    .sorted(bySource).map(m -> attr(m, builder)).toList();
            try {
                return new Declared(type.getAnnotation(PluginType.class), builder.getDeclaredConstructor(), keys);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " has no Builder()", e);
            }
        }
    };

    private SpecCodec() {
    }

    /**
     * The keys in source order: the generated class declares one field per attribute in that order, and the JVM
     * reports a class's fields in class-file order (the JSON a conflist writes keeps insertion order, so this is
     * what makes, e.g., nerdctl's key order come out). The class's own keys come before those of the
     * {@link CommonKeys} it implements.
     */
    private static List<String> declarationOrder(Class<?> type) {
        try {
            return Arrays.stream(Class.forName(type.getPackageName() + ".Immutable" + type.getSimpleName())
                    .getDeclaredFields()).map(Field::getName).toList();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no generated class for " + type, e);
        }
    }

    /** The declaring class of a config or builder class: the one carrying {@link PluginType}. */
    static Class<?> declaring(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
                if (k.isAnnotationPresent(PluginType.class)) {
                    return k;
                }
            }
        }
        throw new IllegalStateException(type + " is not a declared plugin config");
    }

    private static Declared of(Class<?> type) {
        return DECLARED.get(declaring(type));
    }

    /** A fresh nested {@code Builder} of a config's class (its constructor is package-private, like this class). */
    static SpecBuilder<?, ?> newBuilder(Class<?> type) {
        try {
            return (SpecBuilder<?, ?>) of(type).builder().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a builder of " + type, e);
        }
    }

    /** The declared config class of a plugin type, when cni4j models it. */
    static Optional<Class<?>> declared(String pluginType) {
        return Optional.ofNullable(BY_TYPE.get(pluginType));
    }

    private static final Map<String, Class<?>> BY_TYPE = byType();

    private static Map<String, Class<?>> byType() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        for (Class<?> b : SpecBuilder.class.getPermittedSubclasses()) {
            m.put(pluginType(b), declaring(b));
        }
        return Map.copyOf(m);
    }

    static String pluginType(Class<?> type) {
        return of(type).plugin().value();
    }

    static boolean isIpam(Class<?> type) {
        return of(type).plugin().ipam();
    }

    /** The capabilities a declared config class names in its {@link PluginType}. */
    static Set<String> supported(Class<?> type) {
        return Set.of(of(type).plugin().capabilities());
    }

    /** Every key but {@code type}: {@code name}, the declared keys in source order, {@code capabilities}. */
    static List<Attr> keys(Class<?> type) {
        return of(type).keys();
    }

    /** The declared keys of a config class, in source order. */
    static List<Attr> attributes(Class<?> type) {
        List<Attr> all = keys(type);
        return all.subList(1, all.size() - 1);
    }

    /** A key of {@link #keys}, {@code name} and {@code capabilities} included. */
    static Optional<Attr> attribute(Class<?> type, String key) {
        for (Attr a : keys(type)) {
            if (a.key().equals(key)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
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
        keys(type).forEach(a -> m.put(a.key(), a.kind()));
        return Map.copyOf(m);
    }

    private static Attr attr(Method m, Class<?> builder) {
        Type t = m.getGenericReturnType();
        Class<?> raw = m.getReturnType();
        Optional<Key> rules = Optional.ofNullable(m.getAnnotation(Key.class));
        Type[] args = t instanceof ParameterizedType p ? p.getActualTypeArguments() : new Type[0];
        Shape shape = raw == Optional.class ? Shape.OPTIONAL : raw == List.class ? Shape.LIST : Shape.MAP;
        Type element = args.length == 0 ? raw : args[args.length - 1];
        Optional<ElementCodec> codec = Optional.ofNullable(ElementCodec.CODECS.get(element.getTypeName()));
        boolean supported = switch (shape) {
            case OPTIONAL -> List.of(String.class, Boolean.class, Integer.class, Long.class, PluginSpec.class)
                    .contains(element);
            case LIST -> codec.isPresent() || element == String.class;
            case MAP -> raw == Map.class && args[0] == String.class
                    && (element == String.class || element == Boolean.class);
        };
        if (!supported) {
            throw new IllegalStateException("unsupported declared key type " + t + " of " + m);
        }
        Fields.Kind kind = shape == Shape.MAP ? Fields.Kind.OBJECT
                : shape == Shape.LIST ? (codec.isPresent() ? Fields.Kind.ARRAY : Fields.Kind.STRINGS)
                : element == String.class ? rules.map(Key::json).orElse(Fields.Kind.STRING)
                : element == Boolean.class ? Fields.Kind.BOOL
                : element == PluginSpec.class ? Fields.Kind.OBJECT : Fields.Kind.INT;
        try {
            Method setter = builder.getMethod(m.getName(), shape == Shape.OPTIONAL ? Optional.class
                    : shape == Shape.LIST ? Iterable.class : Map.class);
            setter.setAccessible(true);
            return new Attr(m.getName(), m, setter, shape, codec.isPresent() ? Object.class : (Class<?>) element, kind,
                    rules, codec);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no builder setter for " + m, e);
        }
    }

    private static Object invoke(Method m, Object target, Object... args) {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
