package com.aftersales.ticket.search;

import com.aftersales.ticket.view.TicketQueries.Queue;
import com.aftersales.ticket.view.TicketQueries.TicketFilter;
import com.aftersales.ticket.view.TicketQueries.TicketSort;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/** Lucene queries and sorts for the list filters. Every query is also restricted to its tenant. */
final class SearchQueries {

    private static final Sort BY_PRIORITY = new Sort(new SortField(SearchFields.PRIORITY_RANK, SortField.Type.LONG),
            new SortField(SearchFields.REGISTERED, SortField.Type.LONG, true),
            new SortField(SearchFields.ID, SortField.Type.STRING, true));
    private static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE,
            new SortField(SearchFields.REGISTERED, SortField.Type.LONG, true),
            new SortField(SearchFields.ID, SortField.Type.STRING, true));

    /** Most urgent first: the next due time of the open clocks; tickets without one last. */
    private static final Sort BY_DUE = new Sort(dueField(),
            new SortField(SearchFields.REGISTERED, SortField.Type.LONG, true),
            new SortField(SearchFields.ID, SortField.Type.STRING, true));

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private final QueryBuilder words;
    private final EscalationTargets escalations;

    SearchQueries(Analyzer analyzer, EscalationTargets escalations) {
        this.escalations = escalations;
        this.words = new QueryBuilder(analyzer);
        // documents hold the segmented words one after another (punctuation and stop words dropped
        // without a gap): phrases must count positions the same way
        this.words.setEnablePositionIncrements(false);
    }

    static Sort sort(TicketSort sort) {
        return switch (sort == null ? TicketSort.REGISTERED_AT : sort) {
            case REGISTERED_AT -> SearchFields.NEWEST_FIRST;
            case PRIORITY -> BY_PRIORITY;
            case RELEVANCE -> BY_RELEVANCE;
            case DUE -> BY_DUE;
        };
    }

    private static SortField dueField() {
        SortField due = new SortField(SearchFields.SLA_DUE, SortField.Type.LONG);
        due.setMissingValue(Long.MAX_VALUE);
        return due;
    }

    Query of(String tenantId, TicketFilter filter) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(term(SearchFields.TENANT, tenantId), Occur.FILTER);
        queue(query, tenantId, filter.queue(), filter.handler());
        exact(query, SearchFields.STATUS, filter.status());
        exact(query, SearchFields.TYPE, filter.type());
        exact(query, SearchFields.PRIORITY, filter.priority());
        exact(query, SearchFields.MODEL, filter.productModel());
        exact(query, SearchFields.DEPARTMENT, filter.department());
        if (filter.registeredFrom() != null || filter.registeredTo() != null) {
            long from = filter.registeredFrom() == null ? Long.MIN_VALUE : filter.registeredFrom().toEpochMilli();
            long to = filter.registeredTo() == null ? Long.MAX_VALUE : filter.registeredTo().toEpochMilli() - 1;
            query.add(LongPoint.newRangeQuery(SearchFields.REGISTERED, from, to), Occur.FILTER);
        }
        if (filter.customer() != null) {
            query.add(filter.personalData() ? customer(filter.customer()) : new MatchNoDocsQuery(), Occur.FILTER);
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            query.add(text(filter.text(), filter.personalData()), Occur.MUST);
        }
        return query.build();
    }

    private void queue(BooleanQuery.Builder query, String tenantId, Queue queue, String handler) {
        switch (queue) {
            case ALL:
                return;
            case AT_RISK:
                query.add(term(SearchFields.SLA, IndexedSla.AT_RISK), Occur.FILTER);
                return;
            case BREACHED:
                query.add(term(SearchFields.SLA, IndexedSla.BREACHED), Occur.FILTER);
                return;
            case ESCALATED:
                query.add(term(SearchFields.OPEN, SearchFields.YES), Occur.FILTER);
                query.add(handler == null ? new MatchNoDocsQuery() : escalatedTo(tenantId, handler), Occur.FILTER);
                return;
            default:
                break;
        }
        query.add(term(SearchFields.OPEN, SearchFields.YES), Occur.FILTER);
        if (queue == Queue.UNASSIGNED) {
            query.add(term(SearchFields.ASSIGNED, SearchFields.NO), Occur.FILTER);
        } else if (queue == Queue.MINE) {
            query.add(handler == null ? new MatchNoDocsQuery() : term(SearchFields.HANDLER, handler), Occur.FILTER);
        }
    }

    /** Escalated to a level the person holds, in their department or without one (EscalationTargets). */
    private Query escalatedTo(String tenantId, String person) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (EscalationTargets.Target target : escalations.of(tenantId, person)) {
            if (target.department() == null) {
                any.add(term(SearchFields.ESCALATED, target.level()), Occur.SHOULD);
            } else {
                any.add(term(SearchFields.ESCALATED_IN, SearchFields.escalatedIn(target.level(), target.department())),
                        Occur.SHOULD);
                any.add(term(SearchFields.ESCALATED_IN, SearchFields.escalatedIn(target.level(), null)), Occur.SHOULD);
            }
        }
        BooleanQuery targets = any.build();
        return targets.clauses().isEmpty() ? new MatchNoDocsQuery() : targets;
    }

    /** A customer by id, by contact number (digits) or by the words of its name or contact person. */
    private Query customer(String customer) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        any.add(term(SearchFields.CUSTOMER_ID, customer), Occur.SHOULD);
        String digits = SearchFields.digits(customer);
        if (digits != null) {
            any.add(term(SearchFields.PHONE, digits), Occur.SHOULD);
        }
        Query name = words.createBooleanQuery(SearchFields.CUSTOMER, customer, Occur.MUST);
        if (name != null) {
            any.add(name, Occur.SHOULD);
        }
        return any.build();
    }

    /**
     * Each space-separated part must match the description (or, for readers of personal data, the
     * customer's names), or be the ticket number. A part with Chinese matches when all its words
     * occur; a part without (a model or error code such as {@code KFR-35GW}) only as written, its
     * pieces adjacent. The whole text as a phrase ranks higher.
     */
    private Query text(String text, boolean personalData) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String part : text.trim().split("\\s+")) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            any.add(new BoostQuery(term(SearchFields.NUMBER, part), 5f), Occur.SHOULD);
            addIfAny(any, words(SearchFields.TEXT, part));
            if (personalData) {
                addIfAny(any, words(SearchFields.CUSTOMER, part));
            }
            all.add(any.build(), Occur.MUST);
        }
        Query phrase = words.createPhraseQuery(SearchFields.TEXT, text);
        if (phrase != null) {
            all.add(new BoostQuery(phrase, 2f), Occur.SHOULD);
        }
        return all.build();
    }

    private Query words(String field, String part) {
        return HAN.matcher(part).find() ? words.createBooleanQuery(field, part, Occur.MUST)
                : words.createPhraseQuery(field, part);
    }

    private static void addIfAny(BooleanQuery.Builder query, Query clause) {
        if (clause != null) {
            query.add(clause, Occur.SHOULD);
        }
    }

    private static void exact(BooleanQuery.Builder query, String field, String value) {
        if (value != null) {
            query.add(term(field, value), Occur.FILTER);
        }
    }

    private static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }
}
