package com.aftersales.refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

/** Refusals leave the command bus as CommandExecutionExceptions carrying the Refusal, so the gateway maps them once. */
class RefusalInterceptorTest {

    final RefusalInterceptor interceptor = new RefusalInterceptor();
    // not started: a started unit of work would stay current on the thread for later tests
    final DefaultUnitOfWork<?> unitOfWork = new DefaultUnitOfWork<>(GenericCommandMessage.asCommandMessage("cmd"));

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object handle(InterceptorChain chain) throws Exception {
        return interceptor.handle((org.axonframework.messaging.unitofwork.UnitOfWork) unitOfWork, chain);
    }

    @Test
    void an_accepted_command_passes_its_result_through() throws Exception {
        assertThat(handle(() -> 7L)).isEqualTo(7L);
    }

    @Test
    void a_refusal_travels_as_the_details_of_a_command_execution_exception() {
        Refusal refusal = Refusal.of(RefusalCode.PLAN_NOT_APPROVED, "approvalBy", "MANAGER");
        CommandExecutionException thrown = catchThrowableOfType(() -> handle(() -> {
            throw new RefusedException(refusal);
        }), CommandExecutionException.class);
        assertThat(thrown.getMessage()).isEqualTo(RefusalCode.PLAN_NOT_APPROVED);
        assertThat(thrown.getDetails()).contains(refusal);
    }

    @Test
    void a_missing_ticket_is_refused_as_not_found() {
        CommandExecutionException thrown = catchThrowableOfType(() -> handle(() -> {
            throw new AggregateNotFoundException("t-9", "no such aggregate");
        }), CommandExecutionException.class);
        assertThat(thrown.getDetails()).contains(Refusal.of(RefusalCode.TICKET_NOT_FOUND));
    }
}
