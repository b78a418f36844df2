package com.aftersales.infra.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Jackson support for {@link PersonalField}s, registered on the ObjectMapper that Axon's serializer
 * shares with the API. Writing encrypts only when the writer carries a {@link KeyScope} attribute
 * (the event store sets it for each event and snapshot); everything else, API responses included,
 * writes the text as it is. Reading opens an envelope wherever it is met, and takes a plain string
 * (events stored before encryption, or the erased marker) as it is.
 */
public final class PersonalDataModule extends Module {

    /** Deserialization attribute of mappers that read requests: envelopes there are refused, never opened. */
    static final Object REQUEST_INPUT = PersonalDataModule.class.getName() + ".requestInput";

    private final FieldCipher cipher;

    /**
     * {@code mapper}, set up to read what callers send: an envelope in a personal field is refused as
     * malformed input. Otherwise a caller could post a ciphertext copied from an export and have the
     * service open it into a ticket it can read.
     */
    public static ObjectMapper readingRequests(ObjectMapper mapper) {
        return mapper.setDefaultAttributes(mapper.getDeserializationConfig().getAttributes()
                .withSharedAttribute(REQUEST_INPUT, Boolean.TRUE));
    }

    public PersonalDataModule(FieldCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String getModuleName() {
        return "aftersales-personal-data";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public Object getTypeId() {
        return PersonalDataModule.class.getName(); // one registration per mapper
    }

    @Override
    public void setupModule(SetupContext context) {
        context.insertAnnotationIntrospector(new Introspector(cipher));
    }

    private static final class Introspector extends NopAnnotationIntrospector {

        private final transient FieldCipher cipher;

        Introspector(FieldCipher cipher) {
            this.cipher = cipher;
        }

        @Override
        public Object findSerializer(Annotated member) {
            return isPersonal(member) ? new Writer(cipher, null) : null;
        }

        @Override
        public Object findDeserializer(Annotated member) {
            return isPersonal(member) ? new Reader(cipher, null) : null;
        }

        private static boolean isPersonal(Annotated member) {
            if (!member.hasAnnotation(PersonalField.class)) {
                return false;
            }
            Class<?> type = member instanceof AnnotatedMethod method && method.getParameterCount() == 1
                    ? method.getRawParameterType(0) : member.getRawType(); // a setter: its parameter's type
            if (type != String.class) {
                throw new IllegalStateException("@PersonalField is for text only, not " + member.getName()
                        + " of type " + type.getName());
            }
            return true;
        }
    }

    private static final class Writer extends StdSerializer<String> implements ContextualSerializer {

        private final transient FieldCipher cipher;
        private final String field;

        Writer(FieldCipher cipher, String field) {
            super(String.class);
            this.cipher = cipher;
            this.field = field;
        }

        @Override
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property) {
            return property == null ? this : new Writer(cipher, property.getName());
        }

        @Override
        public void serialize(String value, JsonGenerator out, SerializerProvider provider) throws IOException {
            if (provider.getAttribute(KeyScope.ATTRIBUTE) instanceof KeyScope scope && field != null) {
                cipher.write(scope, field, value, out);
            } else {
                out.writeString(value);
            }
        }
    }

    private static final class Reader extends StdDeserializer<String> implements ContextualDeserializer {

        private final transient FieldCipher cipher;
        private final String field;

        Reader(FieldCipher cipher, String field) {
            super(String.class);
            this.cipher = cipher;
            this.field = field;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            return property == null ? this : new Reader(cipher, property.getName());
        }

        @Override
        public String deserialize(JsonParser in, DeserializationContext context) throws IOException {
            if (in.currentToken() == JsonToken.START_OBJECT || in.currentToken() == JsonToken.FIELD_NAME) {
                if (Boolean.TRUE.equals(context.getAttribute(REQUEST_INPUT))) {
                    return (String) context.handleUnexpectedToken(String.class, in);
                }
                JsonNode envelope = context.readTree(in);
                if (FieldCipher.isEnvelope(envelope)) {
                    return cipher.open(envelope, field);
                }
                return (String) context.handleUnexpectedToken(String.class, in);
            }
            return in.getValueAsString() != null || in.currentToken() == JsonToken.VALUE_NULL
                    ? in.getValueAsString() : (String) context.handleUnexpectedToken(String.class, in);
        }
    }
}
