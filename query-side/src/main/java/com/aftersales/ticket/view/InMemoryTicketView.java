package com.aftersales.ticket.view;

import com.mongodb.MongoClientSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;

/**
 * One ticket's view built in memory: {@link TicketViewProjection} writes to it as it writes to the
 * view collection, and the updates are applied here with MongoDB's meaning. Only the update
 * operators the projection uses are known ({@code $set}, {@code $unset}, {@code $push},
 * {@code $addToSet}, {@code $pull} with plain values); any other is an error, so a new handler
 * cannot make the in-memory view drift from the stored one unnoticed (TicketAsOfTest).
 */
final class InMemoryTicketView implements TicketViewWriter {

    private static final CodecRegistry CODECS = MongoClientSettings.getDefaultCodecRegistry();
    private static final DocumentCodec DOCUMENTS = new DocumentCodec(CODECS);

    private final String tenantId;
    private Document view;

    /** Only events of {@code tenantId} apply, as in the tenant's view collection. */
    InMemoryTicketView(String tenantId) {
        this.tenantId = tenantId;
    }

    /** Continues from {@code view} (a state kept earlier; copied, never changed). */
    InMemoryTicketView(String tenantId, Document view) {
        this.tenantId = tenantId;
        this.view = copyOf(view);
    }

    Document view() {
        return view;
    }

    /** A copy that later events do not change. */
    Document copy() {
        return copyOf(view);
    }

    private static Document copyOf(Document document) {
        return document == null ? null : plain(document.toBsonDocument(BsonDocument.class, CODECS));
    }

    @Override
    public void insert(String tenantId, String ticketId, long sequence, Document view) {
        if (this.view == null && this.tenantId.equals(tenantId)) {
            this.view = plain(view.toBsonDocument(BsonDocument.class, CODECS));
        }
    }

    @Override
    public void apply(String tenantId, String ticketId, long sequence, Bson update) {
        if (view == null || !this.tenantId.equals(tenantId) || !tenantId.equals(view.getString("tenantId"))
                || ((Number) view.get("version")).longValue() >= sequence) {
            return;
        }
        if (update != null) {
            BsonDocument operators = update.toBsonDocument(BsonDocument.class, CODECS);
            for (Map.Entry<String, BsonValue> operator : operators.entrySet()) {
                for (Map.Entry<String, BsonValue> change : operator.getValue().asDocument().entrySet()) {
                    apply(operator.getKey(), change.getKey(), plain(change.getValue()));
                }
            }
            if (Boolean.TRUE.equals(view.get(PersonalFields.ERASED_FLAG))) {
                PersonalFields.eraseView(view); // erased once, erased for every later event too
            }
        }
        view.put("version", sequence);
    }

    @Override
    public void erase(String tenantId, String ticketId, Long sequence) {
        if (view == null || !this.tenantId.equals(tenantId)) {
            return;
        }
        PersonalFields.eraseView(view);
        if (sequence != null && ((Number) view.get("version")).longValue() < sequence) {
            view.put("version", sequence);
        }
    }

    private void apply(String operator, String path, Object value) {
        switch (operator) {
            case "$set" -> parent(path, true).put(leaf(path), value);
            case "$unset" -> {
                Document parent = parent(path, false);
                if (parent != null) {
                    parent.remove(leaf(path));
                }
            }
            case "$push" -> list(path).add(value);
            case "$addToSet" -> {
                List<Object> list = list(path);
                if (!list.contains(value)) {
                    list.add(value);
                }
            }
            case "$pull" -> {
                Document parent = parent(path, false);
                if (parent != null && parent.get(leaf(path)) instanceof List<?> list) {
                    List<Object> kept = new ArrayList<>(list);
                    kept.removeIf(value::equals);
                    parent.put(leaf(path), kept);
                }
            }
            default -> throw new IllegalStateException("Update operator " + operator + " is not applied in memory");
        }
    }

    private List<Object> list(String path) {
        Document parent = parent(path, true);
        List<Object> list = parent.get(leaf(path)) instanceof List<?> existing ? new ArrayList<>(existing) : new ArrayList<>();
        parent.put(leaf(path), list);
        return list;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** The document holding the path's last field; missing ones are created when {@code create}. */
    private Document parent(String path, boolean create) {
        Document current = view;
        String[] fields = path.split("\\.");
        for (int i = 0; i < fields.length - 1; i++) {
            Object next = current.get(fields[i]);
            if (!(next instanceof Document)) {
                if (!create) {
                    return null;
                }
                next = new Document();
                current.put(fields[i], next);
            }
            current = (Document) next;
        }
        return current;
    }

    /** A BSON value as the driver hands it out when reading a stored document. */
    private static Object plain(BsonValue value) {
        BsonDocument wrapper = new BsonDocument("v", value);
        return DOCUMENTS.decode(new BsonDocumentReader(wrapper), DecoderContext.builder().build()).get("v");
    }

    private static Document plain(BsonDocument document) {
        return DOCUMENTS.decode(new BsonDocumentReader(document), DecoderContext.builder().build());
    }
}
