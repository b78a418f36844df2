package com.aftersales.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A find by a list of ids answers exactly what the stock matcher would, without matching each document against the list. */
class IdLookupCollectionTest {

    @TempDir
    Path dataDir;

    @Test
    void a_find_by_a_list_of_ids_returns_exactly_the_listed_documents() {
        ObjectId objectId = new ObjectId();
        try (EmbeddedMongo server = EmbeddedMongo.onFile(dataDir, 16, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> documents = client.getDatabase("lookup").getCollection("documents");
            for (int i = 0; i < 50; i++) {
                documents.insertOne(new Document("_id", "t-" + i).append("n", i).append("state", i % 2 == 0 ? "even" : "odd"));
                documents.insertOne(new Document("_id", 1_000L + i).append("n", 1_000 + i).append("state", "number"));
            }
            documents.insertOne(new Document("_id", objectId).append("n", -1));

            List<Object> listed = List.of("t-3", "t-7", "t-7", "missing", 1_004L, 1_005, objectId);
            assertThat(ids(documents.find(Filters.in("_id", listed)).sort(Sorts.ascending("n"))))
                    .containsExactly(objectId, "t-3", "t-7", 1_004L, 1_005L);
            assertThat(ids(documents.find(Filters.in("_id", listed)).sort(Sorts.descending("n")).skip(1).limit(2)))
                    .containsExactly(1_004L, "t-7");
            assertThat(documents.find(Filters.in("_id", List.of("t-3"))).projection(Projections.include("state")).first())
                    .isEqualTo(new Document("_id", "t-3").append("state", "odd"));
            assertThat(ids(documents.find(Filters.in("_id", List.of("missing", 7L))))).isEmpty();
        }
    }

    @Test
    void other_conditions_next_to_the_list_still_filter() {
        try (EmbeddedMongo server = EmbeddedMongo.onFile(dataDir, 16, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> documents = client.getDatabase("lookup").getCollection("documents");
            for (int i = 0; i < 10; i++) {
                documents.insertOne(new Document("_id", "t-" + i).append("n", i).append("state", i % 2 == 0 ? "even" : "odd"));
            }
            List<Object> listed = List.of("t-1", "t-2", "t-3", "t-4");
            assertThat(ids(documents.find(Filters.and(Filters.in("_id", listed), Filters.eq("state", "even")))
                    .sort(Sorts.ascending("n")))).containsExactly("t-2", "t-4");
            assertThat(documents.updateMany(Filters.in("_id", listed), new Document("$set", new Document("seen", true)))
                    .getModifiedCount()).isEqualTo(4);
            assertThat(documents.countDocuments(Filters.eq("seen", true))).isEqualTo(4);
        }
    }

    @Test
    void only_a_list_of_plain_ids_skips_the_matcher() {
        var plain = new de.bwaldvogel.mongo.bson.Document("_id", new de.bwaldvogel.mongo.bson.Document("$in", List.of("a", 1L, 2)));
        assertThat(IdLookupCollection.isIdInPlainValues(plain)).isTrue();
        assertThat(IdLookupCollection.isIdInPlainValues(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$in", List.of("a", Pattern.compile("b")))))).isFalse();
        assertThat(IdLookupCollection.isIdInPlainValues(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$in", new ArrayList<>(java.util.Arrays.asList("a", null)))))).isFalse();
        assertThat(IdLookupCollection.isIdInPlainValues(new de.bwaldvogel.mongo.bson.Document("_id", "a"))).isFalse();
        assertThat(IdLookupCollection.isIdInPlainValues(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$in", List.of("a")).append("$ne", "b")))).isFalse();
        assertThat(IdLookupCollection.isIdInPlainValues(new de.bwaldvogel.mongo.bson.Document("key",
                new de.bwaldvogel.mongo.bson.Document("$in", List.of("a"))))).isFalse();
    }

    private static List<Object> ids(Iterable<Document> found) {
        List<Object> ids = new ArrayList<>();
        found.forEach(document -> ids.add(document.get("_id")));
        return ids;
    }
}
