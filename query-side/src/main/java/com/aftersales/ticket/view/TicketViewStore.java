package com.aftersales.ticket.view;

import com.aftersales.infra.mongo.MongoStorageAutoConfiguration.MongoConnection;
import com.aftersales.infra.tenancy.Tenant;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.WriteConcern;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import org.bson.types.Decimal128;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Ticket view documents, one collection per tenant ({@code tickets_<tenant>}): a tenant's list
 * query never reads another tenant's documents, and each document still carries its tenant.
 * Documents mirror {@link TicketView}; {@code registeredAt} is also stored as a date for sorting.
 */
@Component
public class TicketViewStore {

    static final String REGISTERED_AT = "registeredAtDate";

    private final MongoDatabase database;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public TicketViewStore(MongoDatabase database) {
        this(database, database.getWriteConcern());
    }

    /**
     * Views are derived data, written before their projection's tracking token: on the embedded
     * server they skip a file commit of their own ({@link MongoConnection#deferredWriteConcern});
     * a crash can only make the projection apply its last events again, which changes nothing.
     */
    @Autowired
    public TicketViewStore(MongoDatabase database, MongoConnection connection) {
        this(database, connection.deferredWriteConcern(database.getWriteConcern()));
    }

    private TicketViewStore(MongoDatabase database, WriteConcern viewWrites) {
        this.database = database.withWriteConcern(viewWrites);
    }

    MongoCollection<Document> collection(String tenantId) {
        if (!Tenant.isValidId(tenantId)) {
            throw new IllegalArgumentException("Not a tenant id: " + tenantId);
        }
        return database.getCollection("tickets_" + tenantId);
    }

    /** The process log of the tenant's tickets (see TicketTimelineProjection). */
    MongoCollection<Document> timeline(String tenantId) {
        if (!Tenant.isValidId(tenantId)) {
            throw new IllegalArgumentException("Not a tenant id: " + tenantId);
        }
        return database.getCollection("timeline_" + tenantId);
    }

    /**
     * The tenant's erased tickets, {@code _id} = ticket: kept through a rebuild (no reset handler
     * clears it), so a ticket as of a past instant shows erased while the views replay (issue 13).
     */
    MongoCollection<Document> erasures(String tenantId) {
        if (!Tenant.isValidId(tenantId)) {
            throw new IllegalArgumentException("Not a tenant id: " + tenantId);
        }
        return database.getCollection("erasures_" + tenantId);
    }

    /** One lock document per processing group being rebuilt, {@code _id} = group. */
    MongoCollection<Document> rebuildLocks() {
        return database.getCollection("projection_rebuilds");
    }

    /**
     * The tenant's views of {@code ids}, in that order: one {@code $in} on {@code _id}, which both
     * servers answer from the key index. A ticket whose view has not caught up yet is left out.
     */
    public Mono<List<TicketView>> views(String tenantId, List<String> ids) {
        if (ids.isEmpty()) {
            return Mono.just(List.of());
        }
        return Flux.from(collection(tenantId).find(Filters.in("_id", ids)))
                .filter(document -> tenantId.equals(document.getString("tenantId")))
                .map(this::toView)
                .collectMap(TicketView::id)
                .map(byId -> ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList());
    }

    @SuppressWarnings("unchecked")
    Document toDocument(TicketView view) {
        Document document = new Document(json.convertValue(view, Map.class));
        document.put("_id", view.id());
        document.remove("id");
        document.put(REGISTERED_AT, Date.from(view.registeredAt()));
        return document;
    }

    @SuppressWarnings("unchecked")
    Document toDocument(Object value) {
        return new Document(json.convertValue(value, Map.class));
    }

    TimelineEntry toEntry(Document document) {
        Map<String, Object> plain = plain(document);
        plain.remove("_id");
        return json.convertValue(plain, TimelineEntry.class);
    }

    TicketView toView(Document document) {
        Map<String, Object> plain = plain(document);
        plain.put("id", plain.remove("_id"));
        plain.remove(REGISTERED_AT);
        return json.convertValue(plain, TicketView.class);
    }

    /** BSON values Jackson does not know (Decimal128 amounts, dates) back to plain Java values. */
    private static Map<String, Object> plain(Map<String, Object> document) {
        Map<String, Object> plain = new LinkedHashMap<>();
        document.forEach((key, value) -> plain.put(key, plainValue(value)));
        return plain;
    }

    @SuppressWarnings("unchecked")
    private static Object plainValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return plain((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(TicketViewStore::plainValue).toList();
        }
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        return value;
    }
}
