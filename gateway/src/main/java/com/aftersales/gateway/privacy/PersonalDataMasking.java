package com.aftersales.gateway.privacy;

import com.aftersales.access.Caller;
import com.aftersales.infra.tenancy.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * The same masking as the server's JSON encoder, for answers not written as one JSON body per
 * request (GraphQL, whose aliases rename fields in the written JSON, and its subscriptions): an
 * object is written as REST writes it, masked for callers without PII_READER, and read back as
 * maps, lists and scalars. GraphQL then selects from the masked tree, so no alias can reach an
 * unmasked value.
 */
@Component
public class PersonalDataMasking {

    private final ObjectMapper unmasked;
    private final ObjectMapper masked;

    public PersonalDataMasking(ObjectMapper json) {
        this.unmasked = json;
        this.masked = MaskingJsonGenerator.masking(json);
    }

    public Object asJson(Object value, Caller reader) {
        boolean mayRead = reader != null && reader.has(Role.PII_READER);
        try {
            return unmasked.readValue((mayRead ? unmasked : masked).writeValueAsBytes(value), Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
