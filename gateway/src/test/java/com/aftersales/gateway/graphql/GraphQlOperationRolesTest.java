package com.aftersales.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Every operation of the checked-in schema declares who may call it (OperationRoles, TicketTasks). */
class GraphQlOperationRolesTest {

    @Test
    void every_query_mutation_and_subscription_declares_its_roles() throws IOException {
        TypeDefinitionRegistry schema;
        try (var reader = new InputStreamReader(new ClassPathResource("graphql/tickets.graphqls").getInputStream(),
                StandardCharsets.UTF_8)) {
            schema = new SchemaParser().parse(reader);
        }
        List<String> undeclared = new ArrayList<>();
        int operations = 0;
        for (String root : List.of("Query", "Mutation", "Subscription")) {
            for (FieldDefinition field : schema.getType(root, ObjectTypeDefinition.class).orElseThrow().getFieldDefinitions()) {
                operations++;
                var roles = OperationRoles.declared(root, field.getName());
                if (roles.isEmpty() || roles.get().isEmpty()) {
                    undeclared.add(root + "." + field.getName());
                }
            }
        }
        assertThat(operations).isGreaterThan(30);
        assertThat(undeclared).as("operations without declared roles").isEmpty();
    }

    @Test
    void an_operation_missing_from_the_declarations_has_none() {
        assertThat(OperationRoles.declared("Query", "somethingNew")).isEmpty();
        assertThat(OperationRoles.declared("Mutation", "archiveTicket")).isPresent();
    }
}
