package com.aftersales.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.api.Assertions;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cheaper comparison of index keys must order them exactly as MVStore always has (by their
 * Java serialization): files written before, and indexes that mix old and new keys, depend on it.
 */
class IndexKeyTypeTest {

    @TempDir
    Path dataDir;

    @Test
    void keys_compare_exactly_as_mvstore_orders_them() {
        IndexKeyType remembering = new IndexKeyType();
        ObjectDataType stock = new ObjectDataType();
        SplittableRandom random = new SplittableRandom(42);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            keys.add(randomKey(random));
        }
        for (int round = 0; round < 2; round++) { // the second round compares remembered keys
            for (KeyValue a : keys) {
                for (int j = 0; j < 20; j++) {
                    KeyValue b = keys.get(random.nextInt(keys.size()));
                    assertThat(Integer.signum(remembering.compare(a, b)))
                            .as("%s vs %s", a, b).isEqualTo(Integer.signum(stock.compare(a, b)));
                    // an equal key built anew compares the same as the one remembered
                    KeyValue copy = new KeyValue(new ArrayList<>(toList(b)));
                    assertThat(Integer.signum(remembering.compare(a, copy))).isEqualTo(Integer.signum(stock.compare(a, b)));
                }
            }
        }
    }

    @Test
    void keys_of_other_values_compare_as_before() {
        IndexKeyType remembering = new IndexKeyType();
        ObjectDataType stock = new ObjectDataType();
        KeyValue a = new KeyValue(new Document("b", 1.0).append("a", "x"));
        KeyValue b = new KeyValue(new Document("a", "x").append("b", 1.0)); // equal maps, other order
        KeyValue c = new KeyValue("plain");
        for (KeyValue first : List.of(a, b, c)) {
            for (KeyValue second : List.of(a, b, c)) {
                assertThat(Integer.signum(remembering.compare(first, second)))
                        .isEqualTo(Integer.signum(stock.compare(first, second)));
            }
        }
    }

    @Test
    void a_file_written_by_the_stock_backend_is_read_and_kept_unique() {
        Path file = dataDir.resolve(EmbeddedMongo.FILE_NAME);
        MongoServer stock = new MongoServer(new H2Backend(file.toString()));
        String uri = "mongodb://127.0.0.1:" + stock.bind().getPort();
        try (MongoClient client = MongoClients.create(uri)) {
            var documents = client.getDatabase("compat").getCollection("documents");
            documents.createIndex(Indexes.ascending("stream"), new IndexOptions().unique(true));
            for (int i = 0; i < 2_000; i++) {
                documents.insertOne(new org.bson.Document("_id", "ticket-" + i).append("stream", "s/" + i).append("n", (long) i));
            }
        } finally {
            stock.shutdownNow();
        }
        try (EmbeddedMongo server = EmbeddedMongo.onFile(dataDir, 16, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            var documents = client.getDatabase("compat").getCollection("documents");
            for (int i = 0; i < 2_000; i += 7) {
                assertThat(documents.find(Filters.eq("_id", "ticket-" + i)).first()).isNotNull();
                assertThat(documents.find(Filters.eq("stream", "s/" + i)).first()).isNotNull();
            }
            Assertions.assertThatThrownBy(() -> documents.insertOne(new org.bson.Document("_id", "ticket-1999")))
                    .isInstanceOf(MongoWriteException.class);
            Assertions.assertThatThrownBy(() -> documents.insertOne(new org.bson.Document("_id", "new").append("stream", "s/5")))
                    .isInstanceOf(MongoWriteException.class);
            documents.insertOne(new org.bson.Document("_id", "ticket-2000").append("stream", "s/2000"));
            assertThat(documents.countDocuments()).isEqualTo(2_001);
        }
    }

    private static List<Object> toList(KeyValue key) {
        List<Object> values = new ArrayList<>();
        key.forEach(values::add);
        return values;
    }

    private static KeyValue randomKey(SplittableRandom random) {
        int size = 1 + (random.nextInt(4) == 0 ? 1 : 0);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            values.add(switch (random.nextInt(6)) {
                case 0 -> "t-" + random.nextInt(1_000);
                case 1 -> "票据" + random.nextInt(300) + "/" + random.nextInt(5);
                case 2 -> (double) (random.nextInt(2_000) - 1_000);
                case 3 -> random.nextLong(-1L << 60, 1L << 60);
                case 4 -> random.nextInt(100);
                default -> random.nextBoolean();
            });
        }
        return new KeyValue(values);
    }
}
