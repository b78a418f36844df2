package com.aftersales.ticket.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

/** The fields of a ticket's search document, and how text is segmented (Chinese words, English, model numbers). */
final class SearchFields {

    static final String ID = "id";
    static final String TENANT = "tenant";
    static final String NUMBER = "number";
    static final String STATUS = "status";
    static final String TYPE = "type";
    static final String PRIORITY = "priority";
    static final String PRIORITY_RANK = "priorityRank";
    static final String DEPARTMENT = "department";
    static final String ASSIGNED = "assigned";
    static final String HANDLER = "handler";
    static final String OPEN = "open";
    static final String MODEL = "model";
    static final String CUSTOMER_ID = "customerId";
    static final String PHONE = "phone";
    static final String REGISTERED = "registered";
    static final String TEXT = "text";
    static final String CUSTOMER = "customer";
    static final String ENTRY = "entry";
    /** {@code at-risk} or {@code breached} (IndexedSla#state); absent otherwise. */
    static final String SLA = "sla";
    /** The next due time of the ticket's open clocks (IndexedSla#dueKey); absent without open clocks. */
    static final String SLA_DUE = "slaDue";
    /** The level the ticket was escalated to; and level|department ("level|" without a department). */
    static final String ESCALATED = "escalated";
    static final String ESCALATED_IN = "escalatedIn";

    static final String YES = "y";
    static final String NO = "n";

    /** Tickets without a priority, or with one their scheme lacks, sort after every level. */
    static final long NO_PRIORITY_RANK = 99;

    /** Newest first: the index is kept in this order so that the first pages stop early. */
    static final Sort NEWEST_FIRST = new Sort(new SortField(REGISTERED, SortField.Type.LONG, true),
            new SortField(ID, SortField.Type.STRING, true));

    private SearchFields() {
    }

    /**
     * How user text is segmented: smartcn (dictionary + HMM Chinese word segmentation; Latin
     * letters and digits become words of their own, lower-cased and stemmed). Queries are analyzed
     * with it; documents hold words it produced when the ticket was opened ({@link #words}).
     */
    static Analyzer queryAnalyzer() {
        Analyzer words = new SmartChineseAnalyzer();
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(TEXT, words, CUSTOMER, words));
    }

    /** Documents: text fields hold words already segmented, separated by spaces. */
    static Analyzer indexAnalyzer() {
        Analyzer segmented = new WhitespaceAnalyzer();
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(TEXT, segmented, CUSTOMER, segmented));
    }

    /** {@code text} segmented by {@code analyzer}'s text field, as space-separated words. */
    static String words(Analyzer analyzer, String text) {
        StringJoiner words = new StringJoiner(" ");
        try (TokenStream tokens = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(term);
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words.toString();
    }

    static Document toDocument(IndexedTicket ticket, long priorityRank, byte[] entry) {
        Document document = new Document();
        document.add(new StringField(ID, ticket.id(), Field.Store.NO));
        document.add(new SortedDocValuesField(ID, new BytesRef(ticket.id())));
        document.add(new StringField(TENANT, ticket.tenantId(), Field.Store.NO));
        keyword(document, NUMBER, ticket.number());
        keyword(document, STATUS, ticket.status());
        keyword(document, TYPE, ticket.type());
        keyword(document, PRIORITY, ticket.priority());
        keyword(document, DEPARTMENT, ticket.department());
        keyword(document, MODEL, ticket.productModel());
        keyword(document, CUSTOMER_ID, ticket.customerId());
        keyword(document, PHONE, digits(ticket.phone()));
        document.add(new StringField(ASSIGNED, ticket.assigneeId() == null ? NO : YES, Field.Store.NO));
        document.add(new StringField(OPEN, ticket.isOpen() ? YES : NO, Field.Store.NO));
        ticket.handlers().forEach(handler -> keyword(document, HANDLER, handler));
        document.add(new NumericDocValuesField(PRIORITY_RANK, priorityRank));
        long registered = ticket.registeredAt().toEpochMilli();
        document.add(new LongPoint(REGISTERED, registered));
        document.add(new NumericDocValuesField(REGISTERED, registered));
        document.add(new TextField(TEXT, nonNull(ticket.textWords()), Field.Store.NO));
        document.add(new TextField(CUSTOMER, nonNull(ticket.customerWords()), Field.Store.NO));
        sla(document, ticket);
        document.add(new StoredField(ENTRY, entry));
        return document;
    }

    private static void sla(Document document, IndexedTicket ticket) {
        IndexedSla sla = ticket.sla();
        keyword(document, SLA, sla.state());
        Long due = sla.dueKey();
        if (due != null) {
            document.add(new NumericDocValuesField(SLA_DUE, due));
        }
        if (sla.escalatedTo() != null) {
            keyword(document, ESCALATED, sla.escalatedTo());
            keyword(document, ESCALATED_IN, escalatedIn(sla.escalatedTo(), ticket.department()));
        }
    }

    static String escalatedIn(String level, String department) {
        return level + "|" + (department == null ? "" : department);
    }

    /** Phone numbers are matched on their digits only: "138-0013-8000" finds "13800138000". */
    static String digits(String value) {
        if (value == null) {
            return null;
        }
        String digits = value.replaceAll("\\D", "");
        return digits.isEmpty() ? null : digits;
    }

    private static void keyword(Document document, String field, String value) {
        if (value != null && !value.isEmpty()) {
            document.add(new StringField(field, value, Field.Store.NO));
        }
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
