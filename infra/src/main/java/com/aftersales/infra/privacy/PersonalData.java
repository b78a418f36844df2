package com.aftersales.infra.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SPEC §8, the one masking policy of the API: what a caller without {@code PII_READER} sees of a
 * string in a response, decided by the name of the JSON field it is written under.
 * <ul>
 *   <li>Contact numbers and emails keep their last 4 characters ({@code *******5678},
 *       {@code *************.com}).</li>
 *   <li>Addresses, places and ID numbers are hidden ({@code ***}).</li>
 *   <li>Identifiers and codes that are never personal ({@link #NOT_PERSONAL}) are left alone.</li>
 *   <li>Every other string is free text: phone numbers and emails in it are masked, ID numbers and
 *       street addresses (Chinese and English) hidden.</li>
 * </ul>
 * Detection in free text is by pattern and errs on the side of hiding; UUIDs and ISO-8601 times
 * are never touched.
 */
public final class PersonalData {

    public static final String HIDDEN = "***";

    /** Field names whose values are identifiers or codes of the API, never personal data. */
    static final Set<String> NOT_PERSONAL = Set.of("id", "ticketId", "number", "status", "type", "priority", "code",
            "kind", "version", "sequence", "channel", "direction", "method", "approval", "approvalBy", "review",
            "outcome", "rootCause", "satisfaction", "customerSatisfaction", "followUp", "responsibility", "marks",
            "emotion", "nextCursor", "reference", "hash", "previousHash", "eventId", "cursor", "startCursor",
            "endCursor");

    enum Kind { NOT_PERSONAL, CONTACT_NUMBER, EMAIL, CONTACT, HIDDEN, FREE_TEXT }

    private static final String DIGIT = "[0-9０-９]";
    private static final String HAN_NUMBER = "[一二三四五六七八九十百千零〇]";

    /** Never scrubbed inside free text: they only look like numbers. */
    private static final Pattern PROTECTED = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
                    + "|\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?");

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");

    /** Chinese resident ID (18 characters, birth date inside) and long digit runs (bank cards, old IDs). */
    private static final Pattern ID_NUMBER = Pattern.compile(
            "(?<![0-9A-Za-z])(?:[1-9]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx]"
                    + "|\\d{15,19})(?![0-9A-Za-z])");

    /** Passports and similar documents: one or two letters and 7 to 9 digits (E12345678, PE1234567). */
    private static final Pattern PASSPORT = Pattern.compile("(?<![0-9A-Za-z-])[A-Za-z]{1,2}\\d{7,9}(?![0-9A-Za-z-])");

    private static final List<Pattern> PHONES = List.of(
            // Chinese mobile, optionally +86 / 0086, with or without separators
            Pattern.compile("(?<![\\w+])(?:(?:\\+|00)\\s?86[\\s-]?)?1[3-9]\\d(?:[\\s-]?\\d{4}){2}(?!\\w)"),
            // international with a + or 00 prefix
            Pattern.compile("(?<![\\w+])(?:\\+|00)[1-9]\\d{0,3}(?:[\\s.-]?\\(?\\d{1,5}\\)?){1,6}(?!\\w)"),
            // Chinese landline with area code: 010-12345678, (0755)1234567 (an extension is not personal)
            Pattern.compile("(?<![\\w(])\\(?0\\d{2,3}\\)?[\\s-]?\\d{7,8}(?!\\w)"),
            // North American: (415) 555-2671, 415-555-2671
            Pattern.compile("(?<![\\w(])\\(?[2-9]\\d{2}\\)?[\\s.-]\\d{3}[\\s.-]\\d{4}(?!\\w)"));

    private static final List<Pattern> ENGLISH_ADDRESSES = List.of(
            // No. 12 Xyz Road, 221B Baker Street, 5-7 Long Lane
            Pattern.compile("(?<![\\w])(?:(?i:no)\\.?\\s*)?\\d{1,5}[A-Za-z]?(?:-\\d{1,5})?,?\\s+"
                    + "(?:[A-Za-z][\\w'.-]*\\s+){0,3}[A-Za-z][\\w'.-]*\\s+"
                    + "(?:(?i:road|rd|street|st|avenue|ave|lane|ln|boulevard|blvd|highway|hwy|alley)"
                    + "|Drive|Dr|Court|Ct|Place|Pl|Square|Sq|Terrace|Crescent|Close|Way|Parkway)\\b\\.?"),
            Pattern.compile("(?<![\\w])(?:(?i:apt|apartment|suite|flat|room|rm)|Unit|Floor|Building|Bldg)\\.?\\s*#?\\s*"
                    + "\\d+[A-Za-z]?(?![\\w])"),
            Pattern.compile("(?<![\\w])(?i:p\\.?\\s?o\\.?\\s*box)\\s*\\d+"));

    /** A stretch of Chinese text without spaces or punctuation: hidden whole when it holds an address. */
    private static final Pattern CHINESE_RUN = Pattern.compile("[\\p{IsHan}0-9０-９A-Za-z#\\-－]+");

    private static final Pattern CHINESE_ADDRESS = Pattern.compile(
            // street and number: 建国路88号, 长安街一百号, 幸福里3弄
            "(?:路|街|道|巷|弄|胡同|里|村|组)(?:" + DIGIT + "|" + HAN_NUMBER + ")+(?:号|弄|巷)"
                    // building, unit, room: 3栋, 2单元, 501室, 5号楼
                    + "|" + DIGIT + "+[A-Za-z]?(?:号楼|栋|幢|单元|室|号院)"
                    + "|" + HAN_NUMBER + "+(?:号楼|栋|幢|单元)"
                    // two administrative levels: 北京市朝阳区, 广东省深圳市, 某某县某某镇
                    + "|\\p{IsHan}(?:省|自治区|(?<![城都超])市(?![场民值面])|州)\\p{IsHan}{1,6}?"
                    + "(?:(?<![城都超])市(?![场民值面])|区(?![域别分])|县|旗|镇|乡)");

    private PersonalData() {
    }

    static Kind kindOf(String field) {
        if (field == null) {
            return Kind.FREE_TEXT;
        }
        if (NOT_PERSONAL.contains(field)) {
            return Kind.NOT_PERSONAL;
        }
        String name = field.toLowerCase(Locale.ROOT);
        if (name.contains("email") || name.equals("mail")) {
            return Kind.EMAIL;
        }
        if (name.contains("phone") || name.contains("mobile") || name.equals("tel") || name.equals("telephone")
                || name.endsWith("fax")) {
            return Kind.CONTACT_NUMBER;
        }
        if (name.equals("contact") || name.equals("contactinfo") || name.equals("contactnumber")
                || name.equals("contactdetails")) {
            return Kind.CONTACT;
        }
        if (name.contains("address") || name.endsWith("place") || name.contains("location")
                || name.contains("idnumber") || name.contains("idcard") || name.contains("passport")
                || name.contains("nationalid") || name.contains("residentid") || name.contains("identity")) {
            return Kind.HIDDEN;
        }
        return Kind.FREE_TEXT;
    }

    /** What a caller without PII_READER sees of {@code value}, written under the JSON field {@code field} (null at the root). */
    public static String mask(String field, String value) {
        if (value == null || value.isEmpty() || PersonalField.ERASED.equals(value)) {
            return value;
        }
        return switch (kindOf(field)) {
            case NOT_PERSONAL -> value;
            case CONTACT_NUMBER -> contactNumber(value);
            case EMAIL -> lastFour(value);
            case CONTACT -> value.indexOf('@') >= 0 ? lastFour(value) : contactNumber(value);
            case HIDDEN -> HIDDEN;
            case FREE_TEXT -> freeText(value);
        };
    }

    /** Only the last 4 digits of a phone number; separators go. */
    static String contactNumber(String number) {
        String digits = number.replaceAll("\\D", "");
        return digits.length() <= 4 ? "****" : "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
    }

    /** Only the last 4 characters (of an email: its top-level domain, mostly). */
    static String lastFour(String value) {
        int length = value.codePointCount(0, value.length());
        if (length <= 4) {
            return "****";
        }
        return "*".repeat(length - 4) + value.substring(value.offsetByCodePoints(0, length - 4));
    }

    /** Masks contact data and hides ID numbers and addresses found in free text. */
    public static String freeText(String text) {
        if (!mayHoldPersonalData(text)) {
            return text;
        }
        if (Clues.of(text).asciiDigits == 0) {
            return scrub(text); // protected spans (UUIDs, times) that could matter hold digits
        }
        StringBuilder result = new StringBuilder(text.length());
        Matcher protectedSpan = PROTECTED.matcher(text);
        int at = 0;
        while (protectedSpan.find()) {
            result.append(scrub(text.substring(at, protectedSpan.start()))).append(protectedSpan.group());
            at = protectedSpan.end();
        }
        return result.append(scrub(text.substring(at))).toString();
    }

    private static String scrub(String text) {
        if (!mayHoldPersonalData(text)) {
            return text;
        }
        Clues clues = Clues.of(text);
        String scrubbed = clues.at ? replace(EMAIL, text, PersonalData::lastFour) : text;
        if (clues.asciiDigits >= 15) {
            scrubbed = replace(ID_NUMBER, scrubbed, match -> HIDDEN);
        }
        if (clues.asciiDigits >= 7) {
            scrubbed = replace(PASSPORT, scrubbed, match -> HIDDEN);
            for (Pattern phone : PHONES) {
                scrubbed = replace(phone, scrubbed, match -> match.replaceAll("\\D", "").length() >= 7
                        ? contactNumber(match) : match);
            }
        }
        if (clues.asciiDigits > 0 && Clues.mayNameAStreet(scrubbed)) {
            for (Pattern address : ENGLISH_ADDRESSES) {
                scrubbed = replace(address, scrubbed, match -> HIDDEN);
            }
        }
        return clues.addressCharacter
                ? replace(CHINESE_RUN, scrubbed, run -> Clues.of(run).addressCharacter
                        && CHINESE_ADDRESS.matcher(run).find() ? HIDDEN : run)
                : scrubbed;
    }

    /**
     * What each rule cannot match without, counted in one pass so that most rules are skipped:
     * emails need an {@code @}; ID numbers 15 digits; passports and phone numbers 7; English
     * addresses a digit; Chinese addresses one of their marker characters.
     */
    private record Clues(boolean at, int asciiDigits, boolean addressCharacter) {

        private static final String ADDRESS_MARKERS = "号弄巷栋幢单室省区市州县旗镇乡";
        /** Every word an English address rule ends on or starts with, lower-cased (short ones as parts of words). */
        private static final List<String> STREET_WORDS = List.of("road", "rd", "st", "ave", "lane", "ln", "blvd",
                "boulevard", "highway", "hwy", "alley", "dr", "court", "ct", "pl", "sq", "terrace", "crescent",
                "close", "way", "apt", "apartment", "suite", "flat", "room", "rm", "unit", "floor", "building", "bldg", "box");

        /** Whether {@code text} holds one of the words without which no English address rule matches. */
        static boolean mayNameAStreet(String text) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (String word : STREET_WORDS) {
                if (lower.contains(word)) {
                    return true;
                }
            }
            return false;
        }

        static Clues of(String text) {
            boolean at = false;
            boolean address = false;
            int digits = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                at |= c == '@';
                digits += c >= '0' && c <= '9' ? 1 : 0;
                address |= c > 0x2000 && ADDRESS_MARKERS.indexOf(c) >= 0;
            }
            return new Clues(at, digits, address);
        }
    }

    /** Every rule needs a digit, an {@code @} or Chinese text: most strings are passed at once. */
    private static boolean mayHoldPersonalData(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c == '@' || Character.isDigit(c) || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    private static String replace(Pattern pattern, String text, Function<String, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder result = new StringBuilder(text.length());
        int at = 0;
        do {
            result.append(text, at, matcher.start()).append(replacement.apply(matcher.group()));
            at = matcher.end();
        } while (matcher.find());
        return result.append(text, at, text.length()).toString();
    }
}
