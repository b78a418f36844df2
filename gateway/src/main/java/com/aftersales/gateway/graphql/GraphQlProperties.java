package com.aftersales.gateway.graphql;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the GraphQL API (docs/graphql.md), checked before anything executes. Introspection and
 * GraphiQL are Spring Boot's switches ({@code spring.graphql.schema.introspection.enabled},
 * {@code spring.graphql.graphiql.enabled}), on only with the development issuer by default.
 */
@ConfigurationProperties("aftersales.graphql")
public class GraphQlProperties {

    /** Deepest field nesting a document may select. */
    private int maxDepth = 10;
    /** Most fields a document may select, every alias and every list element's selection counted once. */
    private int maxComplexity = 300;
    /** Longest document, in characters. */
    private int maxDocumentLength = 10_000;
    /** Most tokens the parser reads (graphql-java ParserOptions). */
    private int maxTokens = 2_000;
    /** Largest page of tickets ({@code first}), as REST's {@code limit}. */
    private int maxPageSize = 100;
    /** Most root fields of one mutation document (each runs a command; aliases count). */
    private int maxRootMutations = 5;
    /** Most {@code Ticket.history} selections of one document (each is an event-store read and an access-log write). */
    private int maxHistoryTickets = 5;
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
        this.maxPageSize = maxPageSize;
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
