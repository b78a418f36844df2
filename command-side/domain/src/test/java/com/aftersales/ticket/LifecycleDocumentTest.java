package com.aftersales.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.infra.tenancy.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/lifecycle.md is generated from {@link TicketLifecycle}, so it cannot drift from the code.
 * After changing the lifecycle, regenerate it with
 * {@code ./mvnw -q -pl command-side -am test -Dtest=LifecycleDocumentTest -Dlifecycle.write=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class LifecycleDocumentTest {

    private static final Path DOCUMENT = Path.of("..", "..", "docs", "lifecycle.md");

    @Test
    void docs_lifecycle_md_matches_the_state_machine_in_the_code() throws IOException {
        String generated = render();
        if (Boolean.getBoolean("lifecycle.write")) {
            Files.writeString(DOCUMENT, generated);
        }
        assertThat(Files.readString(DOCUMENT))
                .as("docs/lifecycle.md is out of date: regenerate it (see LifecycleDocumentTest)")
                .isEqualTo(generated);
    }

    static String render() {
        StringBuilder doc = new StringBuilder();
        doc.append("# Ticket lifecycle\n\n")
                .append("Generated from `TicketLifecycle` by `LifecycleDocumentTest` — do not edit by hand.\n")
                .append("Every command is checked in this order: the caller's tenant (another tenant's ticket is\n")
                .append("`TICKET_NOT_FOUND`), the caller's roles (`ROLE_NOT_ALLOWED`), the ticket's state\n")
                .append("(`TICKET_STATE_CONFLICT`), then the command's own rules.\n\n")
                .append("## States\n");
        for (TicketStatus status : TicketStatus.values()) {
            doc.append("- `").append(status.name()).append("`\n");
        }
        doc.append("\n## Transitions\n```mermaid\nstateDiagram-v2\n");
        for (TicketLifecycle.Transition transition : TicketLifecycle.TRANSITIONS) {
            if (transition.from().isEmpty()) {
                doc.append("    [*] --> ").append(transition.to()).append(" : ").append(name(transition)).append('\n');
            }
            if (transition.to() != null) {
                transition.from().stream().sorted().forEach(from -> doc.append("    ").append(from).append(" --> ")
                        .append(transition.to()).append(" : ").append(name(transition)).append('\n'));
            }
        }
        doc.append("```\n\n## Commands\n")
                .append("| command | allowed in | roles | leads to | meaning |\n|---|---|---|---|---|\n");
        for (TicketLifecycle.Transition transition : TicketLifecycle.TRANSITIONS) {
            doc.append("| `").append(name(transition)).append("` | ")
                    .append(transition.from().isEmpty() ? "(creates the ticket)" : transition.from().stream().sorted()
                            .map(status -> "`" + status + "`").collect(Collectors.joining(", ")))
                    .append(" | ").append(transition.roles().stream().sorted().map(Role::name).collect(Collectors.joining(", ")))
                    .append(" | ").append(transition.to() == null ? "(same state)" : "`" + transition.to() + "`")
                    .append(" | ").append(transition.meaning()).append(" |\n");
        }
        return doc.toString();
    }

    private static String name(TicketLifecycle.Transition transition) {
        return transition.command().getSimpleName();
    }

    @Test
    void every_command_handled_by_the_ticket_has_a_lifecycle_rule() {
        var handled = Arrays.stream(Ticket.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(org.axonframework.commandhandling.CommandHandler.class))
                .map(method -> method.getParameterTypes()[0])
                .collect(Collectors.toSet());
        assertThat(TicketLifecycle.TRANSITIONS.stream().map(TicketLifecycle.Transition::command))
                .containsExactlyInAnyOrderElementsOf(handled);
    }
}
