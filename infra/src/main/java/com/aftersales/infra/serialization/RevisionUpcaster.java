package com.aftersales.infra.serialization;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Raises one event type from one revision to the next whose only change is a new field that old
 * events lack: the payload stays as stored and the new field reads as null.
 */
public final class RevisionUpcaster extends SingleEventUpcaster {

    private final String eventType;
    private final String from;
    private final String to;

    public RevisionUpcaster(String eventType, String from, String to) {
        this.eventType = eventType;
        this.from = from;
        this.to = to;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return eventType.equals(representation.getType().getName()) && from.equals(representation.getType().getRevision());
    }

    @Override
    @SuppressWarnings("unchecked")
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        Class<Object> storedAs = (Class<Object>) representation.getData().getContentType();
        return representation.upcastPayload(new SimpleSerializedType(eventType, to), storedAs, payload -> payload);
    }
}
