package com.aftersales.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import com.aftersales.access.Caller;
import com.aftersales.refusal.Refusal;
import com.aftersales.refusal.RefusalCode;
import com.aftersales.ticket.LifecycleCommands.LinkToBatch;
import com.aftersales.ticket.LifecycleEvents.TicketBatchFormed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

/** The batch rule sends each earlier ticket of a formed batch a link, as the rule, in the batch's tenant. */
class BatchLinkingRuleTest {

    static final TicketBatchFormed FORMED = new TicketBatchFormed("t-3", "acme", "batch-t-3", "KFR-35", "nocoldair",
            List.of("t-1", "t-2", "t-3"), "urgent", "BATCH batch-t-3: why", Instant.parse("2024-05-20T01:30:00Z"));

    final List<CommandMessage<?>> sent = new ArrayList<>();
    final CommandGateway commands = mock(CommandGateway.class);

    @Test
    void every_earlier_ticket_is_linked_with_the_reason_and_the_others_by_the_rule_in_the_batchs_tenant() {
        doAnswer(call -> sent.add(call.getArgument(0))).when(commands).sendAndWait(any());

        new BatchLinkingRule(commands).on(FORMED);

        assertThat(sent).extracting(command -> (Object) command.getPayload()).containsExactly(
                new LinkToBatch("t-1", null, "batch-t-3", "urgent", "BATCH batch-t-3: why", List.of("t-2", "t-3")),
                new LinkToBatch("t-2", null, "batch-t-3", "urgent", "BATCH batch-t-3: why", List.of("t-1", "t-3")));
        Caller caller = Caller.from(sent.get(0).getMetaData());
        assertThat(caller.tenantId()).isEqualTo("acme");
        assertThat(caller.actorId()).isEqualTo(Marking.ACTOR);
        assertThat(caller.roles()).containsExactly("SUPERVISOR");
    }

    @Test
    void a_ticket_that_refuses_is_left_out_and_the_others_are_still_linked() {
        doAnswer(call -> {
            CommandMessage<?> command = call.getArgument(0);
            if (((LinkToBatch) command.getPayload()).ticketId().equals("t-1")) {
                throw new CommandExecutionException(RefusalCode.TICKET_STATE_CONFLICT, null,
                        Refusal.of(RefusalCode.TICKET_STATE_CONFLICT));
            }
            return sent.add(command);
        }).when(commands).sendAndWait(any());

        new BatchLinkingRule(commands).on(FORMED);

        assertThat(sent).extracting(command -> ((LinkToBatch) command.getPayload()).ticketId()).containsExactly("t-2");
    }

    @Test
    void any_other_failure_stops_the_rule_so_the_event_is_retried() {
        doAnswer(call -> {
            throw new CommandExecutionException("store unavailable", new IllegalStateException());
        }).when(commands).sendAndWait(any());

        assertThatThrownBy(() -> new BatchLinkingRule(commands).on(FORMED)).isInstanceOf(CommandExecutionException.class);
    }
}
