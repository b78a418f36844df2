package com.aftersales.ticket.search;

import java.util.List;
import java.util.function.Supplier;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;

/**
 * The search processor's position lives in the search indexes' own commits, not in MongoDB: the
 * index and its position are stored together, on each node for its own indexes. One segment, no
 * claims (no other node shares these files).
 */
final class SearchIndexTokenStore implements TokenStore {

    private static final int[] ONE_SEGMENT = {0};

    private final TicketSearchIndexes indexes;
    private final Supplier<String> storeIdentity;

    SearchIndexTokenStore(TicketSearchIndexes indexes, Supplier<String> storeIdentity) {
        this.indexes = indexes;
        this.storeIdentity = storeIdentity;
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        return indexes.isStarted() ? indexes.position() : indexes.start(storeIdentity);
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        indexes.checkpoint(token);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        // one segment, always there: the start is wherever the indexes stand
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        // nothing is claimed
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return ONE_SEGMENT.clone();
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return List.of(Segment.ROOT_SEGMENT);
    }
}
