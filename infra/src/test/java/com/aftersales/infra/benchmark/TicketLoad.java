package com.aftersales.infra.benchmark;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * What one ticket command writes, roughly: an event commit appended to the event store, the
 * ticket's view replaced (2,000 tickets: the first 2,000 commands create them, later ones
 * update them in turn) and a tracking token moved on.
 */
final class TicketLoad {

    static final int TICKETS = 2_000;
    private static final String NOTE = "Customer reports the unit stops after a few minutes; ".repeat(8);

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> tickets;
    private final MongoCollection<Document> tokens;

    TicketLoad(MongoDatabase database) {
        this.events = database.getCollection("events");
        this.tickets = database.getCollection("tickets");
        this.tokens = database.getCollection("tokens");
    }

    void command(int i) {
        int ticket = i % TICKETS;
        int version = i / TICKETS;
        events.insertOne(event(i, ticket, version));
        tickets.replaceOne(Filters.eq("_id", ticket), view(ticket, version), new ReplaceOptions().upsert(true));
        tokens.updateOne(Filters.eq("_id", "ticket-view"), Updates.set("index", i), new UpdateOptions().upsert(true));
    }

    private static Document event(int index, int ticket, int version) {
        Document entry = new Document("eventIdentifier", "evt-" + index).append("sequence", version)
                .append("timestamp", new Date()).append("payloadType", "com.aftersales.ticket.TicketUpdated")
                .append("payload", "{\"ticket\":" + ticket + ",\"note\":\"" + NOTE + "\"}")
                .append("metaData", "{\"tenant\":\"acme\",\"user\":\"agent-7\"}");
        return new Document("_id", (long) index).append("firstIndex", (long) index)
                .append("stream", "ticket-" + ticket + "/" + version).append("aggregateIdentifier", "ticket-" + ticket)
                .append("type", "Ticket").append("firstSequence", version).append("lastSequence", version)
                .append("committedAt", new Date()).append("events", List.of(entry));
    }

    private static Document view(int ticket, int version) {
        return new Document("_id", ticket).append("tenant", "acme").append("number", "T-" + (100_000 + ticket))
                .append("status", version % 2 == 0 ? "OPEN" : "IN_PROGRESS").append("priority", "NORMAL")
                .append("version", version).append("updatedAt", new Date())
                .append("customer", new Document("name", "Customer " + ticket).append("email", "c" + ticket + "@example.com")
                        .append("phone", "+49 30 1234" + ticket))
                .append("product", new Document("model", "WM-" + ticket % 40).append("serial", "SN" + (7_000_000 + ticket)))
                .append("description", NOTE)
                .append("history", List.of(new Document("at", new Date()).append("what", "updated to version " + version)));
    }
}
