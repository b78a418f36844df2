package com.aftersales.ticket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What makes two registrations "the same" for the mark rules. Text is compared after NFKC, in lower
 * case, with only letters and digits kept ("ABC-2000" = "abc 2000"; "不制冷，外机不转。" = "不制冷 外机不转").
 * Keys are stored hashed, so no contact data sits in a key.
 */
final class MarkKey {

    private MarkKey() {
    }

    static String text(String value) {
        if (value == null) {
            return "";
        }
        return Normalizer.normalize(value, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** The customer by customer id, else the contact number's digits, else the email address; empty when none. */
    static String customer(Registration.Customer customer) {
        if (customer == null) {
            return "";
        }
        if (customer.customerId() != null && !customer.customerId().isBlank()) {
            return "id:" + customer.customerId().strip();
        }
        String digits = phoneDigits(customer.phone());
        if (!digits.isEmpty()) {
            return "phone:" + digits;
        }
        return customer.email() == null || customer.email().isBlank() ? ""
                : "email:" + customer.email().strip().toLowerCase(Locale.ROOT);
    }

    /** A contact number's digits, without China's country code (+86 / 0086 before a mobile number). */
    static String phoneDigits(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("\\D", "");
        if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return digits;
    }

    /** The fault: the symptom the registrar recorded, else the problem description. */
    static String fault(Registration.Problem problem) {
        if (problem == null) {
            return "";
        }
        String symptom = text(problem.symptom());
        return symptom.isEmpty() ? text(problem.description()) : symptom;
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
