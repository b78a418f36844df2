package com.aftersales.ticket;

import com.aftersales.infra.tenancy.Tenant;
import com.aftersales.infra.tenancy.TenantDirectory;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Ticket numbers from one counter document per tenant and day. The counter is incremented with
 * {@code findOneAndUpdate} returning the document BEFORE the update — the form that is atomic on
 * the embedded server too — so concurrent intakes get distinct, consecutive serials.
 */
@Component
public class MongoTicketNumbers implements TicketNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> released;
    private final TenantDirectory tenants;
    private final Clock clock;

    public MongoTicketNumbers(MongoDatabase database, TenantDirectory tenants, Clock clock) {
        this.counters = database.getCollection("ticket_number_counters");
        this.released = database.getCollection("ticket_number_releases");
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public String next(String tenantId, Instant at) {
        Tenant tenant = tenants.find(tenantId).orElseThrow();
        LocalDate day = at.atZone(tenant.timeZone()).toLocalDate();
        long serial = increment(tenantId + "/" + DAY.format(day));
        return tenant.ticketPrefix() + DAY.format(day) + pad(serial, tenant.serialDigits());
    }

    private long increment(String counterId) {
        for (int attempt = 0; ; attempt++) {
            try {
                Document before = counters.findOneAndUpdate(Filters.eq("_id", counterId), Updates.inc("issued", 1L),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
                return before == null ? 1 : before.getLong("issued") + 1;
            } catch (MongoCommandException | MongoWriteException e) {
                // two first intakes of a day both upserted; the loser retries on the existing counter
                if (attempt > 2 || !isDuplicateKey(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean isDuplicateKey(RuntimeException e) {
        int code = e instanceof MongoCommandException command ? command.getErrorCode()
                : ((MongoWriteException) e).getError().getCode();
        return ErrorCategory.fromErrorCode(code) == ErrorCategory.DUPLICATE_KEY;
    }

    private static String pad(long serial, int digits) {
        String text = Long.toString(serial);
        return text.length() >= digits ? text : "0".repeat(digits - text.length()) + text;
    }

    @Override
    public void release(String tenantId, String number, String reason) {
        released.insertOne(new Document("_id", tenantId + "/" + number)
                .append("tenantId", tenantId).append("number", number)
                .append("reason", reason).append("releasedAt", Date.from(clock.instant())));
    }
}
