package com.aftersales.ticket;

import com.aftersales.infra.tenancy.CallerMetaData;
import com.aftersales.infra.tenancy.Role;
import com.aftersales.ticket.LifecycleCommands.LinkToBatch;
import com.aftersales.ticket.LifecycleEvents.TicketBatchFormed;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The batch rule's process (SPEC §3): when a batch forms, each earlier ticket in it is told to link
 * itself ({@link LinkToBatch}), so its own history says why it is marked BATCH and raised. Sent as
 * the rule ({@link Marking#ACTOR}, with a supervisor's authority) in the batch's tenant. Linking is
 * idempotent, so a failure stops the processor and the event is retried, never skipped; a ticket
 * that refuses (archived meanwhile) is left out and logged.
 */
@Component
@ProcessingGroup(BatchLinkingRule.PROCESSING_GROUP)
public class BatchLinkingRule {

    public static final String PROCESSING_GROUP = "ticket-batches";
    private static final Logger log = LoggerFactory.getLogger(BatchLinkingRule.class);

    private final CommandGateway commands;

    public BatchLinkingRule(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(TicketBatchFormed event) {
        for (String ticketId : event.ticketIds()) {
            if (ticketId.equals(event.ticketId())) {
                continue;
            }
            List<String> others = event.ticketIds().stream().filter(id -> !id.equals(ticketId)).toList();
            var command = GenericCommandMessage.asCommandMessage(new LinkToBatch(ticketId, null, event.batchId(),
                            event.raiseTo(), event.reason(), others))
                    .andMetaData(CallerMetaData.of(event.tenantId(), Marking.ACTOR, "system", List.of(Role.SUPERVISOR.name())));
            try {
                commands.sendAndWait(command);
            } catch (CommandExecutionException refused) {
                if (refused.getDetails().isEmpty()) {
                    throw refused;
                }
                log.warn("Ticket {} was not linked to {}: {}", ticketId, event.batchId(), refused.getMessage());
            }
        }
    }

    /** A failing link stops the rule's processor (retried) instead of being skipped. */
    @Configuration
    static class Errors {
        @Bean
        ConfigurerModule batchLinkingErrors() {
            return configurer -> configurer.eventProcessing(processing -> processing.registerListenerInvocationErrorHandler(
                    PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance()));
        }
    }
}
