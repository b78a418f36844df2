package com.aftersales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Masking does not depend on which fields a client selects or how it names them: every leaf of a
 * ticket, of its timeline entries and of its history entries, each under an alias, is selected
 * (generated from the checked-in schema, so a new field is covered) by a reader without
 * PII_READER, and the fixture's personal data appears nowhere in the answer.
 */
class GraphQlMaskingApiTest extends GraphQlTestSupport {

    private static final String PHONE = "13800005678";
    private static final Set<String> LISTS = Set.of("timeline", "history");

    @Test
    void every_leaf_under_any_alias_is_masked_for_a_reader_without_pii_reader() {
        String agent = token("acme", "AGENT");
        String id = openTicket(agent, TicketRequests.airConditionerRepair());
        task(agent, "logContact", id, null, Map.of("channel", "PHONE", "direction", "OUTBOUND",
                "summary", "called " + PHONE));
        String auditor = token("acme", "AUDITOR");
        TypeDefinitionRegistry schema = schema();
        String[] selections = {
            selection(schema, "Ticket", 0),
            "timeline { edges { node { " + selection(schema, "TimelineEntry", 0) + " } } }",
            "history { edges { node { " + selection(schema, "HistoryEntry", 0) + " } } }"};
        for (String selection : selections) {
            JsonNode answer = data(auditor, "query($id: ID!) { ticket(id: $id) { " + selection + " } }", Map.of("id", id));
            assertThat(answer.toString()).as(selection).isNotEqualTo("{\"ticket\":null}").doesNotContain(PHONE);
        }
        JsonNode clear = data(token("acme", "AGENT", "PII_READER"), "query($id: ID!) { ticket(id: $id) { "
                + selections[0] + " } }", Map.of("id", id));
        assertThat(clear.toString()).as("the fixture does hold the number (positive control)").contains(PHONE);
    }

    /** Every field of {@code type} under an alias, objects recursively; lists of a ticket are selected apart. */
    private static String selection(TypeDefinitionRegistry schema, String type, int depth) {
        StringBuilder fields = new StringBuilder();
        for (FieldDefinition field : schema.getType(type, ObjectTypeDefinition.class).orElseThrow().getFieldDefinitions()) {
            if (LISTS.contains(field.getName()) || field.getInputValueDefinitions().stream()
                    .anyMatch(argument -> typeName(argument.getType()).endsWith("!"))) {
                continue;
            }
            String fieldType = typeName(field.getType()).replaceAll("[\\[\\]!]", "");
            fields.append(" x_").append(field.getName()).append(": ").append(field.getName());
            boolean leaf = ScalarInfo.isGraphqlSpecifiedScalar(fieldType)
                    || schema.getType(fieldType, ScalarTypeDefinition.class).isPresent()
                    || schema.getType(fieldType, EnumTypeDefinition.class).isPresent();
            if (!leaf && depth < 4) {
                fields.append(" {").append(selection(schema, fieldType, depth + 1)).append(" }");
            } else if (!leaf) {
                fields.append(" { __typename }");
            }
        }
        return fields.toString();
    }
}
