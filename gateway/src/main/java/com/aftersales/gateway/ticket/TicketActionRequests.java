package com.aftersales.gateway.ticket;

import com.aftersales.ticket.Channel;
import com.aftersales.ticket.Mark;
import com.aftersales.ticket.Responsibility;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;

/** Bodies of the task endpoints under {@code /api/v1/tickets/{id}/}. */
public final class TicketActionRequests {

    private TicketActionRequests() {
    }

    public record Acknowledgement(@NotNull Instant promisedResponseBy, @NotNull Channel channel) {
    }

    public record Classification(@NotBlank @Size(max = 40) String type, @NotBlank @Size(max = 10) String priority,
                                 Responsibility responsibility) {
    }

    public record Marks(@NotNull @Size(max = 3) Set<Mark> marks) {
    }

    public record Assignment(@NotBlank @Size(max = 100) String department, @NotBlank @Size(max = 200) String assigneeId) {
    }

    public record Reassignment(@NotBlank @Size(max = 100) String department, @NotBlank @Size(max = 200) String assigneeId,
                               @NotBlank @Size(max = 1000) String reason) {
    }

    public record CoHandler(@NotBlank @Size(max = 200) String handlerId) {
    }

    public record SendBack(@NotBlank @Size(max = 2000) String missing) {
    }

    public record Supplement(@NotBlank @Size(max = 4000) String information) {
    }
}
