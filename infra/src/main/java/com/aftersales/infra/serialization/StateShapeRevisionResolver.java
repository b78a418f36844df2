package com.aftersales.infra.serialization;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;

/**
 * Revisions of serialized types. Aggregates (their snapshots) get a revision derived from the shape
 * of their state: field names and types, recursively through the project's own types, enum
 * constants included. A snapshot taken before the state changed shape then carries another
 * revision and is discarded (a {@code RevisionSnapshotFilter}), instead of loading with fields
 * silently left empty. Everything else (events) keeps its {@code @Revision}.
 */
public final class StateShapeRevisionResolver implements RevisionResolver {

    private static final String OWN_TYPES = "com.aftersales.";

    private final RevisionResolver annotated = new AnnotationRevisionResolver();
    private final Map<Class<?>, String> shapes = new ConcurrentHashMap<>();

    @Override
    public String revisionOf(Class<?> payloadType) {
        if (AnnotationUtils.isAnnotationPresent(payloadType, AggregateRoot.class)) {
            return shapes.computeIfAbsent(payloadType, StateShapeRevisionResolver::shapeRevision);
        }
        return annotated.revisionOf(payloadType);
    }

    /** {@code state-} and the first 16 hex digits of the SHA-256 of the type's shape. */
    public static String shapeRevision(Class<?> type) {
        StringBuilder shape = new StringBuilder();
        describe(type, shape, new HashSet<>());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(shape.toString().getBytes(StandardCharsets.UTF_8));
            return "state-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void describe(Class<?> type, StringBuilder shape, Set<Class<?>> seen) {
        if (!seen.add(type)) {
            return;
        }
        if (type.isEnum()) {
            Arrays.stream(type.getEnumConstants()).forEach(constant -> shape.append(constant).append(','));
            shape.append(';');
            return;
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> level = type; level != null && level != Object.class; level = level.getSuperclass()) {
            Arrays.stream(level.getDeclaredFields())
                    .filter(field -> !Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers()))
                    .forEach(fields::add);
        }
        fields.sort(Comparator.comparing(Field::getName));
        fields.forEach(field -> describeField(field, shape, seen));
    }

    private static void describeField(Field field, StringBuilder shape, Set<Class<?>> seen) {
        shape.append(field.getName()).append(':').append(field.getGenericType().getTypeName()).append(';');
        ownTypesIn(field.getGenericType(), seen, shape);
    }

    private static void ownTypesIn(Type type, Set<Class<?>> seen, StringBuilder shape) {
        if (type instanceof ParameterizedType parameterized) {
            ownTypesIn(parameterized.getRawType(), seen, shape);
            Arrays.stream(parameterized.getActualTypeArguments()).forEach(argument -> ownTypesIn(argument, seen, shape));
        } else if (type instanceof Class<?> own && own.getName().startsWith(OWN_TYPES)) {
            shape.append('{');
            describe(own, shape, seen);
            shape.append('}');
        }
    }
}
