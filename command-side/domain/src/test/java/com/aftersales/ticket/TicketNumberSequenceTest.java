package com.aftersales.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.mongo.EmbeddedMongo;
import com.aftersales.infra.tenancy.TenantDirectory;
import com.aftersales.infra.tenancy.TenantProperties;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ticket numbers: tenant prefix, the tenant's local day, a serial per tenant and day padded to the tenant's digits. */
class TicketNumberSequenceTest {

    static final Instant MORNING = Instant.parse("2024-05-20T01:30:00Z"); // 09:30 in Shanghai
    static final Instant AFTER_MIDNIGHT = Instant.parse("2024-05-20T16:30:00Z"); // 00:30 on the 21st in Shanghai

    static EmbeddedMongo server;
    static MongoClient client;

    final MongoDatabase database = client.getDatabase("numbers_" + UUID.randomUUID().toString().replace("-", ""));
    final MongoTicketNumbers numbers = new MongoTicketNumbers(database, tenants(), Clock.fixed(MORNING, ZoneOffset.UTC));

    @BeforeAll
    static void start() {
        server = EmbeddedMongo.inMemory(0);
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    static TenantDirectory tenants() {
        TenantProperties.Tenant acme = new TenantProperties.Tenant();
        acme.setTimeZone(ZoneId.of("Asia/Shanghai"));
        acme.setTicketPrefix("AC");
        acme.setSerialDigits(3);
        TenantProperties.Tenant nimbus = new TenantProperties.Tenant();
        nimbus.setTimeZone(ZoneId.of("Asia/Shanghai"));
        nimbus.setSerialDigits(1);
        TenantProperties properties = new TenantProperties();
        properties.setTenants(Map.of("acme", acme, "nimbus", nimbus));
        return new TenantDirectory(properties);
    }

    @Test
    void serials_count_up_from_1_per_tenant_and_local_day() {
        assertThat(numbers.next("acme", MORNING)).isEqualTo("AC20240520001");
        assertThat(numbers.next("acme", MORNING)).isEqualTo("AC20240520002");
        assertThat(numbers.next("nimbus", MORNING)).as("another tenant's own counter").isEqualTo("202405201");
        assertThat(numbers.next("acme", AFTER_MIDNIGHT)).as("a new local day starts again at 1")
                .isEqualTo("AC20240521001");
        assertThat(numbers.next("acme", MORNING)).isEqualTo("AC20240520003");
    }

    @Test
    void a_serial_longer_than_the_digits_is_kept_whole() {
        for (int i = 1; i <= 9; i++) {
            assertThat(numbers.next("nimbus", MORNING)).isEqualTo("20240520" + i);
        }
        assertThat(numbers.next("nimbus", MORNING)).isEqualTo("2024052010");
    }

    @Test
    void a_released_number_is_recorded_with_its_reason_and_time() {
        numbers.release("acme", "AC20240520001", "registration of t-1 failed");

        Document released = database.getCollection("ticket_number_releases")
                .find(Filters.eq("_id", "acme/AC20240520001")).first();
        assertThat(released).isNotNull();
        assertThat(released.getString("reason")).isEqualTo("registration of t-1 failed");
        assertThat(released.getString("number")).isEqualTo("AC20240520001");
        assertThat(released.getDate("releasedAt").toInstant()).isEqualTo(MORNING);
    }
}
