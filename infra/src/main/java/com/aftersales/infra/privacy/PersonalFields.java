package com.aftersales.infra.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.common.ObjectUtils;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

/** Writing values with their personal fields encrypted, and opening them in stored JSON. */
public final class PersonalFields {

    private PersonalFields() {
    }

    /**
     * {@code value} serialized to JSON text with its personal fields encrypted under the scope's key
     * (if the serializer's ObjectMapper has the {@link PersonalDataModule}; otherwise as the
     * serializer writes it). Serializes afresh: a form cached in a message may be unencrypted.
     */
    public static SerializedObject<String> serialize(Object value, Serializer serializer, KeyScope scope) {
        if (!(serializer instanceof JacksonSerializer jackson)) {
            return serializer.serialize(value, String.class);
        }
        try {
            String json = jackson.getObjectMapper().writer().withAttribute(KeyScope.ATTRIBUTE, scope)
                    .writeValueAsString(value);
            return new SimpleSerializedObject<>(json, String.class,
                    serializer.typeForClass(ObjectUtils.nullSafeTypeOf(value)));
        } catch (JsonProcessingException e) {
            throw new SerializationException("Unable to serialize " + ObjectUtils.nullSafeTypeOf(value).getName(), e);
        }
    }

    /**
     * A copy of stored JSON with every envelope replaced by its text, or by {@link PersonalField#ERASED}
     * once its key is gone (for readers of raw stored events, such as a ticket's history).
     */
    public static JsonNode open(JsonNode stored, FieldCipher cipher) {
        return open(stored, null, cipher);
    }

    private static JsonNode open(JsonNode node, String field, FieldCipher cipher) {
        if (FieldCipher.isEnvelope(node)) {
            return TextNode.valueOf(cipher.open(node, field));
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = object.objectNode();
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            object.fields().forEachRemaining(fields::add);
            fields.forEach(entry -> copy.set(entry.getKey(), open(entry.getValue(), entry.getKey(), cipher)));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = array.arrayNode();
            array.forEach(element -> copy.add(open(element, field, cipher)));
            return copy;
        }
        return node;
    }
}
