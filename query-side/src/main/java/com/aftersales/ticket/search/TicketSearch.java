package com.aftersales.ticket.search;

import com.aftersales.ticket.TicketStatus;
import com.aftersales.ticket.view.TicketQueries.CountTickets;
import com.aftersales.ticket.view.TicketQueries.ListTickets;
import com.aftersales.ticket.view.TicketQueries.Queue;
import com.aftersales.ticket.view.TicketQueries.TicketCounts;
import com.aftersales.ticket.view.TicketQueries.TicketFilter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;

/** Answers list and count queries from the caller's tenant index: ticket ids in order, and cursors. */
public class TicketSearch {

    private final TicketSearchIndexes indexes;
    private final SearchQueries queries;

    public TicketSearch(TicketSearchIndexes indexes) {
        this(indexes, EscalationTargets.NONE);
    }

    public TicketSearch(TicketSearchIndexes indexes, EscalationTargets escalations) {
        this.indexes = indexes;
        this.queries = new SearchQueries(SearchFields.queryAnalyzer(), escalations);
    }

    /** One page of ids; {@code nextCursor} null on the last page. */
    public record Hits(List<String> ids, String nextCursor) {
    }

    public Hits list(ListTickets list, int limit) {
        String key = listKey(list);
        Sort sort = SearchQueries.sort(list.sort());
        Query query = queries.of(list.tenantId(), filter(list));
        return indexes.read(list.tenantId(), searcher -> {
                    FieldDoc after = list.cursor() == null ? null : SearchCursor.decode(list.cursor(), key,
                            sort.getSort().length, searcher.getIndexReader().maxDoc());
                    return page(searcher, query, sort, after, limit, key);
                })
                .orElse(new Hits(List.of(), null));
    }

    /** Whether {@code list.cursor()} was handed out for this very list (checked before querying). */
    public static boolean isValidCursor(ListTickets list) {
        try {
            SearchCursor.decode(list.cursor(), listKey(list), SearchQueries.sort(list.sort()).getSort().length, 1);
            return true;
        } catch (SearchCursor.InvalidCursorException e) {
            return false;
        }
    }

    private static TicketFilter filter(ListTickets list) {
        return list.filter() == null ? TicketFilter.none() : list.filter();
    }

    private static String listKey(ListTickets list) {
        return SearchCursor.listKey(list.tenantId(), String.valueOf(filter(list)), String.valueOf(list.sort()));
    }

    private static Hits page(IndexSearcher searcher, Query query, Sort sort, FieldDoc after, int limit, String key)
            throws IOException {
        boolean scores = sort.needsScores();
        TopFieldDocs top = searcher.searchAfter(after, query, limit + 1, sort, scores);
        List<String> ids = new ArrayList<>(Math.min(limit, top.scoreDocs.length));
        for (int i = 0; i < Math.min(limit, top.scoreDocs.length); i++) {
            FieldDoc hit = (FieldDoc) top.scoreDocs[i];
            ids.add(((BytesRef) hit.fields[sort.getSort().length - 1]).utf8ToString());
        }
        String next = top.scoreDocs.length > limit ? SearchCursor.encode(key, (FieldDoc) top.scoreDocs[limit - 1]) : null;
        return new Hits(ids, next);
    }

    public TicketCounts count(CountTickets count) {
        return indexes.read(count.tenantId(), searcher -> counts(searcher, count))
                .orElse(new TicketCounts(0, 0, 0, 0, Map.of(), Map.of()));
    }

    /** Open tickets of the tenant with {@code priority}, in this node's index. */
    public long openWithPriority(String tenantId, String priority) {
        return openWith(tenantId, SearchFields.PRIORITY, priority);
    }

    /** Open tickets of the tenant of {@code type}, in this node's index. */
    public long openOfType(String tenantId, String type) {
        return openWith(tenantId, SearchFields.TYPE, type);
    }

    private long openWith(String tenantId, String field, String value) {
        CountTickets count = new CountTickets(tenantId, null);
        return indexes.read(tenantId, searcher -> (long) searcher.count(queryFor(count, Queue.OPEN, field, value)))
                .orElse(0L);
    }

    private TicketCounts counts(IndexSearcher searcher, CountTickets count) throws IOException {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (TicketStatus status : TicketStatus.values()) {
            byStatus.put(status.name(), (long) searcher.count(queryFor(count, Queue.ALL, SearchFields.STATUS, status.name())));
        }
        Map<String, Long> byDepartment = new LinkedHashMap<>();
        for (String department : terms(searcher, SearchFields.DEPARTMENT)) {
            long open = searcher.count(queryFor(count, Queue.OPEN, SearchFields.DEPARTMENT, department));
            if (open > 0) {
                byDepartment.put(department, open);
            }
        }
        return new TicketCounts(searcher.count(queryFor(count, Queue.ALL, null, null)),
                searcher.count(queryFor(count, Queue.OPEN, null, null)),
                searcher.count(queryFor(count, Queue.UNASSIGNED, null, null)),
                searcher.count(queryFor(count, Queue.MINE, null, null)), byStatus, byDepartment,
                searcher.count(queryFor(count, Queue.AT_RISK, null, null)),
                searcher.count(queryFor(count, Queue.BREACHED, null, null)),
                searcher.count(queryFor(count, Queue.ESCALATED, null, null)));
    }

    private Query queryFor(CountTickets count, Queue queue, String field, String value) {
        TicketFilter filter = new TicketFilter(null, null, null, null, null, null, null, null, queue, null,
                count.handler(), false);
        Query base = queries.of(count.tenantId(), filter);
        if (field == null) {
            return base;
        }
        return new BooleanQuery.Builder().add(base, Occur.FILTER)
                .add(new TermQuery(new Term(field, value)), Occur.FILTER).build();
    }

    private static List<String> terms(IndexSearcher searcher, String field) throws IOException {
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), field);
        List<String> values = new ArrayList<>();
        if (terms == null) {
            return values;
        }
        TermsEnum each = terms.iterator();
        for (BytesRef term = each.next(); term != null; term = each.next()) {
            values.add(term.utf8ToString());
        }
        return values;
    }
}
