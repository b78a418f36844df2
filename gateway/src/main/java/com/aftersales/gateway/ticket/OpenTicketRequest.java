package com.aftersales.gateway.ticket;

import com.aftersales.ticket.Channel;
import com.aftersales.ticket.CustomerEmotion;
import com.aftersales.ticket.Registration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The body of {@code POST /api/v1/tickets}: the register form of SPEC §2. */
public record OpenTicketRequest(
        @NotNull Channel channel,
        @NotBlank @Size(max = 40) String type,
        @Size(max = 10) String priority,
        @NotNull @Valid CustomerInput customer,
        @Valid ProductInput product,
        @NotNull @Valid ProblemInput problem,
        @Size(max = 20) List<@Valid AttachmentInput> attachments,
        Instant expectedResolutionAt,
        CustomerEmotion emotion) {

    public record CustomerInput(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 100) String contactPerson,
            @Pattern(regexp = "\\+?[0-9][0-9 -]{4,19}") String phone,
            @Email @Size(max = 200) String email,
            @Size(max = 64) String customerId,
            boolean vip) {

        @AssertTrue
        public boolean isReachable() {
            return phone != null && !phone.isBlank() || email != null && !email.isBlank();
        }
    }

    public record ProductInput(
            @Size(max = 100) String model,
            @Size(max = 100) String serialNumber,
            @PastOrPresent LocalDate purchaseDate,
            @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal orderAmount) {
    }

    public record ProblemInput(
            @NotBlank @Size(max = 4000) String description,
            @Size(max = 500) String symptom,
            @Size(max = 200) String frequency,
            @Size(max = 200) String impactScope,
            @Size(max = 1000) String alreadyTried,
            @PastOrPresent Instant occurredAt,
            @Size(max = 200) String occurredPlace) {
    }

    public record AttachmentInput(
            @NotBlank @Size(max = 255) String fileName,
            @Size(max = 100) String contentType,
            @NotBlank @Size(max = 1000) String uri) {
    }

    public Registration toRegistration() {
        ProductInput p = product == null ? new ProductInput(null, null, null, null) : product;
        return new Registration(channel, type, priority,
                new Registration.Customer(customer.name(), customer.contactPerson(), customer.phone(), customer.email(),
                        customer.customerId(), customer.vip()),
                new Registration.Product(p.model(), p.serialNumber(), p.purchaseDate(), p.orderAmount()),
                new Registration.Problem(problem.description(), problem.symptom(), problem.frequency(),
                        problem.impactScope(), problem.alreadyTried(), problem.occurredAt(), problem.occurredPlace()),
                attachments == null ? List.of() : attachments.stream()
                        .map(a -> new Registration.Attachment(a.fileName(), a.contentType(), a.uri())).toList(),
                expectedResolutionAt, emotion);
    }
}
