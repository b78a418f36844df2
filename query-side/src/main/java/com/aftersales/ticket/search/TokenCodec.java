package com.aftersales.ticket.search;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/** A tracking token as the strings of a Lucene commit's user data, through Axon's serializer. */
final class TokenCodec {

    private static final String TOKEN = "token";
    private static final String TOKEN_TYPE = "tokenType";
    private static final String TOKEN_REVISION = "tokenRevision";

    private final Serializer serializer;

    TokenCodec(Serializer serializer) {
        this.serializer = serializer;
    }

    Map<String, String> encode(TrackingToken token) {
        Map<String, String> data = new HashMap<>();
        if (token != null) {
            SerializedObject<String> serialized = serializer.serialize(token, String.class);
            data.put(TOKEN, serialized.getData());
            data.put(TOKEN_TYPE, serialized.getType().getName());
            if (serialized.getType().getRevision() != null) {
                data.put(TOKEN_REVISION, serialized.getType().getRevision());
            }
        }
        return data;
    }

    TrackingToken decode(Map<String, String> data) {
        if (!data.containsKey(TOKEN)) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(data.get(TOKEN), String.class,
                data.get(TOKEN_TYPE), data.get(TOKEN_REVISION)));
    }
}
