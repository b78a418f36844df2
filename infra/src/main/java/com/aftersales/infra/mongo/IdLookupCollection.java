package com.aftersales.infra.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.Collection;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 collection, except that a find by {@code _id: {$in: [...]}} takes the
 * documents the {@code _id} index found without matching each against the whole list again.
 * The stock matcher compares every document with every listed id, so a batch of k events or
 * views cost k² comparisons: at a batch of 1,000 that was a sixth of a catch-up's CPU.
 */
final class IdLookupCollection extends H2Collection {

    private static final Document EVERY_DOCUMENT = new Document();

    IdLookupCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                       MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursors) {
        super(database, collectionName, options, dataMap, metaMap, cursors);
    }

    /** Only called with positions from an index that can handle the query: for these queries, the {@code _id} index. */
    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy, int numberToSkip,
                                         int limit, int batchSize, Document fieldSelector) {
        Document matching = isIdInPlainValues(query) ? EVERY_DOCUMENT : query;
        return super.matchDocuments(matching, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * {@code {_id: {$in: [v…]}}} with values the index looks up exactly as the matcher compares
     * them; a regular expression, null, a document or an array in the list keeps the matcher.
     */
    static boolean isIdInPlainValues(Document query) {
        if (query.size() != 1 || !(query.get("_id") instanceof Document condition) || condition.size() != 1
                || !(condition.get("$in") instanceof Collection<?> values)) {
            return false;
        }
        for (Object value : values) {
            if (!(value instanceof String || value instanceof Long || value instanceof Integer || value instanceof ObjectId)) {
                return false;
            }
        }
        return true;
    }
}
