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

    private static final java.util.regex.Pattern LONG_NUMBER = java.util.regex.Pattern.compile("\\+?\\d[\\d -]{5,}\\d");
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");

    /** Free text (contact summaries, notes) may quote phone numbers or emails: mask what looks like one. */
    static String text(String text) {
        if (text == null) {
            return null;
        }
        String numbersMasked = LONG_NUMBER.matcher(text).replaceAll(match -> phone(match.group()));
        return EMAIL.matcher(numbersMasked).replaceAll(match -> java.util.regex.Matcher.quoteReplacement(email(match.group())));
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
