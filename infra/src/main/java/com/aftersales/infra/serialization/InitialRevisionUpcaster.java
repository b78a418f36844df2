package com.aftersales.infra.serialization;

import java.util.function.Predicate;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Events stored before their types carried a {@code @Revision} have none. This gives them the
 * first revision, unchanged, so that every later upcaster can rely on a revision chain that
 * starts at a known value.
 */
public final class InitialRevisionUpcaster extends SingleEventUpcaster {

    private final Predicate<String> eventTypes;
    private final String firstRevision;

    public InitialRevisionUpcaster(Predicate<String> eventTypes, String firstRevision) {
        this.eventTypes = eventTypes;
        this.firstRevision = firstRevision;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().getRevision() == null && eventTypes.test(representation.getType().getName());
    }

    @Override
    @SuppressWarnings("unchecked")
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        Class<Object> storedAs = (Class<Object>) representation.getData().getContentType();
        return representation.upcastPayload(new SimpleSerializedType(representation.getType().getName(), firstRevision),
                storedAs, payload -> payload);
    }
}
