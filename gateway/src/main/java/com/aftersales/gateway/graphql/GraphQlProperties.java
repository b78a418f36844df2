package com.aftersales.gateway.graphql;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the GraphQL API (docs/graphql.md), checked before anything executes. GraphiQL is
 * Spring Boot's switch ({@code spring.graphql.graphiql.enabled}); {@link #introspection} feeds
 * Spring Boot's {@code spring.graphql.schema.introspection.enabled} (application.yml).
 */
@ConfigurationProperties("aftersales.graphql")
public class GraphQlProperties {

    /** {@code TicketListParams.limit}'s {@code @Max}. */
    static final int REST_MAX_LIMIT = 100;

    /** Deepest field nesting a document may select. */
    private int maxDepth = 10;
    /** Most fields a document may select, every alias and every list element's selection counted once. */
    private int maxComplexity = 300;
    /** Longest document, in characters. */
    private int maxDocumentLength = 10_000;
    /** Most tokens the parser reads (graphql-java ParserOptions). */
    private int maxTokens = 2_000;
    /** Largest page of tickets ({@code first}), at most REST's largest {@code limit} (the same list query). */
    private int maxPageSize = 100;
    /**
     * Whether the schema answers introspection; unset: as the development issuer
     * ({@code aftersales.security.development-issuer.enabled}), so off in production. Read by
     * application.yml, declared here so that it is a documented property.
     */
    private Boolean introspection;
    /** Most root fields of one mutation document (each runs a command; aliases count). */
    private int maxRootMutations = 5;
    /** Most {@code Ticket.history} selections of one document (each is an event-store read and an access-log write). */
    private int maxHistoryTickets = 5;
    /** Most subscriptions open at a time on one graphql-ws connection ({@code TOO_MANY_SUBSCRIPTIONS}). */
    private int maxSubscriptionsPerConnection = 10;
    /** Persisted queries by id (clients send {@code extensions.persistedQuery.id}); the allow-list. */
    private Map<String, String> persistedQueries = new LinkedHashMap<>();

    public int getMaxDepth() {
        return maxDepth;
    }

    public void setMaxDepth(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    public int getMaxComplexity() {
        return maxComplexity;
    }

    public void setMaxComplexity(int maxComplexity) {
        this.maxComplexity = maxComplexity;
    }

    public int getMaxDocumentLength() {
        return maxDocumentLength;
    }

    public void setMaxDocumentLength(int maxDocumentLength) {
        this.maxDocumentLength = maxDocumentLength;
    }

    public int getMaxTokens() {
        return maxTokens;
    }

    public void setMaxTokens(int maxTokens) {
        this.maxTokens = maxTokens;
    }

    public int getMaxPageSize() {
        return maxPageSize;
    }

    public void setMaxPageSize(int maxPageSize) {
        if (maxPageSize < 1 || maxPageSize > REST_MAX_LIMIT) {
            // tickets(first:) binds REST's TicketListParams, whose limit is @Max(100): a larger page would
            // pass this check and then fail REST's validation
            throw new IllegalArgumentException("aftersales.graphql.max-page-size must be 1-" + REST_MAX_LIMIT);
        }
        this.maxPageSize = maxPageSize;
    }

    public int getMaxSubscriptionsPerConnection() {
        return maxSubscriptionsPerConnection;
    }

    public void setMaxSubscriptionsPerConnection(int maxSubscriptionsPerConnection) {
        this.maxSubscriptionsPerConnection = maxSubscriptionsPerConnection;
    }

    public Boolean getIntrospection() {
        return introspection;
    }

    public void setIntrospection(Boolean introspection) {
        this.introspection = introspection;
    }

    public int getMaxRootMutations() {
        return maxRootMutations;
    }

    public void setMaxRootMutations(int maxRootMutations) {
        this.maxRootMutations = maxRootMutations;
    }

    public int getMaxHistoryTickets() {
        return maxHistoryTickets;
    }

    public void setMaxHistoryTickets(int maxHistoryTickets) {
        this.maxHistoryTickets = maxHistoryTickets;
    }

    public Map<String, String> getPersistedQueries() {
        return persistedQueries;
    }

    public void setPersistedQueries(Map<String, String> persistedQueries) {
        this.persistedQueries = persistedQueries;
    }
}
