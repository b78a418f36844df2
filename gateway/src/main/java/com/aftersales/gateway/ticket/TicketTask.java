package com.aftersales.gateway.ticket;

import com.aftersales.infra.tenancy.Role;
import java.util.Set;

/**
 * One task on a ticket, described once for every API: its name (the GraphQL mutation), its body,
 * whether the caller must name the version it decided on, who may ask for it at all (the aggregate
 * narrows further, see TicketLifecycle), and the command it sends.
 *
 * @param body   the body record, {@link NoBody} for tasks without one
 * @param decision a decision on something the caller must have seen (approving a plan, reviewing a
 *               form, archiving): without the expected version it could cover a plan swapped in
 *               meanwhile, so the version is required (REST: 428 IF_MATCH_REQUIRED)
 */
public record TicketTask<B>(String name, Class<B> body, boolean decision, Set<Role> roles, Command<B> command) {

    /** Builds the command; {@code version} is the expected version, null when the caller named none. */
    @FunctionalInterface
    public interface Command<B> {
        Object of(String ticketId, Long version, B body);
    }

    /** The body of a task that takes none. */
    public record NoBody() {
        public static final NoBody INSTANCE = new NoBody();
    }

    public Object command(String ticketId, Long version, B body) {
        return command.of(ticketId, version, body);
    }
}
