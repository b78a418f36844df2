package com.aftersales.gateway.privacy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.aftersales.infra.privacy.PersonalData;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Writes every string of a JSON document through {@link PersonalData#mask}, naming the field it
 * belongs to (for an array element: the field holding the array). Sits below all serializers, so
 * no type, map or field added later can write a string past it.
 */
final class MaskingJsonGenerator extends JsonGeneratorDelegate {

    /** A copy of {@code json} whose every generator masks. */
    static ObjectMapper masking(ObjectMapper json) {
        JsonFactory factory = ((JsonFactoryBuilder) json.getFactory().rebuild())
                .addDecorator((f, generator) -> new MaskingJsonGenerator(generator))
                .build();
        return json.copyWith(factory);
    }

    MaskingJsonGenerator(JsonGenerator delegate) {
        // false: writeObject/writeTree/copy* go through this generator too, not straight to the delegate
        super(delegate, false);
    }

    private String field() {
        JsonStreamContext context = getOutputContext();
        while (context != null && !context.inObject()) {
            context = context.getParent();
        }
        return context == null ? null : context.getCurrentName();
    }

    @Override
    public void writeString(String text) throws IOException {
        delegate.writeString(text == null ? null : PersonalData.mask(field(), text));
    }

    @Override
    public void writeString(char[] text, int offset, int len) throws IOException {
        writeString(new String(text, offset, len));
    }

    @Override
    public void writeString(SerializableString text) throws IOException {
        writeString(text.getValue());
    }

    @Override
    public void writeString(Reader reader, int len) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[4096];
        int remaining = len < 0 ? Integer.MAX_VALUE : len;
        int read;
        while (remaining > 0 && (read = reader.read(buffer, 0, Math.min(buffer.length, remaining))) >= 0) {
            text.append(buffer, 0, read);
            remaining -= read;
        }
        writeString(text.toString());
    }

    @Override
    public void writeUTF8String(byte[] text, int offset, int length) throws IOException {
        writeString(new String(text, offset, length, StandardCharsets.UTF_8));
    }

    @Override
    public void writeRawUTF8String(byte[] text, int offset, int length) throws IOException {
        writeString(new String(text, offset, length, StandardCharsets.UTF_8));
    }
}
