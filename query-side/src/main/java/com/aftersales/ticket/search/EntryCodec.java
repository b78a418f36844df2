package com.aftersales.ticket.search;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Indexed tickets as JSON in the index's stored field. */
final class EntryCodec {

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    byte[] encode(IndexedTicket ticket) {
        try {
            return json.writeValueAsBytes(ticket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    IndexedTicket decode(byte[] bytes) {
        try {
            return json.readValue(bytes, IndexedTicket.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
