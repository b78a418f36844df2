package com.aftersales.gateway.ticket;

import com.aftersales.ticket.Registration;

/** SPEC §8: contact data is masked (last 4 digits kept) and addresses hidden for readers without PII_READER. */
final class ContactMasking {

    private ContactMasking() {
    }

    static Registration.Customer mask(Registration.Customer customer) {
        if (customer == null) {
            return null;
        }
        return new Registration.Customer(customer.name(), customer.contactPerson(), phone(customer.phone()),
                email(customer.email()), customer.customerId(), customer.vip());
    }

    /** Where it happened is often the customer's home address: never shown without PII_READER. */
    static Registration.Problem mask(Registration.Problem problem) {
        if (problem == null || problem.occurredPlace() == null) {
            return problem;
        }
        return new Registration.Problem(problem.description(), problem.symptom(), problem.frequency(),
                problem.impactScope(), problem.alreadyTried(), problem.occurredAt(), "***");
    }

    static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        return digits.length() <= 4 ? "****" : "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
    }

    static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}
