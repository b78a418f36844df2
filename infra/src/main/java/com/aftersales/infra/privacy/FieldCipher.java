package com.aftersales.infra.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts one personal field into a self-describing envelope and opens it again:
 * <pre>{ "$pd": 1, "t": tenant, "s": ticket, "kv": 1, "c": base64(nonce | AES-256-GCM ciphertext | tag) }</pre>
 * The envelope names its key (tenant and ticket), so reading needs nothing but the envelope and the
 * field's name: events are deserialized lazily, on any thread. The associated data binds the
 * ciphertext to its tenant, ticket and field: it cannot be moved to another one and still open.
 * A field whose key is gone reads as {@link PersonalField#ERASED}, never as an exception.
 */
public final class FieldCipher {

    static final String FORMAT = "$pd";
    private static final int FORMAT_VERSION = 1;
    /** Per-ticket key version: one key per ticket so far; a later per-ticket rotation raises it. */
    private static final int KEY_VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(FieldCipher.class);

    private final TicketKeys keys;

    public FieldCipher(TicketKeys keys) {
        this.keys = keys;
    }

    /** Writes {@code text} of {@code field} encrypted under the scope's key, or the erased marker once that key is gone. */
    void write(KeyScope scope, String field, String text, JsonGenerator out) throws IOException {
        Optional<SecretKey> key = keys.sealing(scope);
        if (key.isEmpty()) {
            out.writeString(PersonalField.ERASED); // personal data given after an erasure is not stored either
            return;
        }
        byte[] sealed = Aead.seal(key.get(), text.getBytes(StandardCharsets.UTF_8),
                associatedData(scope, field, KEY_VERSION));
        out.writeStartObject();
        out.writeNumberField(FORMAT, FORMAT_VERSION);
        out.writeStringField("t", scope.tenantId());
        out.writeStringField("s", scope.ticketId());
        out.writeNumberField("kv", KEY_VERSION);
        out.writeStringField("c", Base64.getEncoder().encodeToString(sealed));
        out.writeEndObject();
    }

    /** Whether a stored value is an envelope of this format. */
    public static boolean isEnvelope(JsonNode value) {
        return value != null && value.isObject() && value.path(FORMAT).isInt();
    }

    /** The text of an envelope written under {@code field}, or {@link PersonalField#ERASED} if its key is gone. */
    public String open(JsonNode envelope, String field) {
        KeyScope scope;
        try {
            scope = new KeyScope(envelope.path("t").asText(null), envelope.path("s").asText(null));
        } catch (IllegalArgumentException e) {
            LOG.error("A personal field '{}' names no ticket: read as erased", field);
            return PersonalField.ERASED;
        }
        Optional<SecretKey> key = keys.opening(scope);
        if (key.isEmpty()) {
            return PersonalField.ERASED;
        }
        try {
            byte[] sealed = Base64.getDecoder().decode(envelope.path("c").asText(""));
            byte[] plain = Aead.open(key.get(), sealed, associatedData(scope, field, envelope.path("kv").asInt()));
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Tampered with or moved to another field: the audit chain reports the change; readers go on.
            LOG.error("Personal field '{}' of {} does not open under its key: read as erased", field, scope.reference());
            return PersonalField.ERASED;
        }
    }

    private static String associatedData(KeyScope scope, String field, int keyVersion) {
        return "pd1|" + scope.reference() + "|" + field + "|" + keyVersion;
    }
}
