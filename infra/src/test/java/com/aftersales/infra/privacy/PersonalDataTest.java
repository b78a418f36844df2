package com.aftersales.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC §8: the masking policy applied to every string of a response for callers without PII_READER. */
class PersonalDataTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            phone         | 13800005678        | *******5678
            phone         | +86 138-0000-5678  | *********5678
            mobilePhone   | 010-12345678       | *******5678
            contactPhone  | 5678               | ****
            email         | zhang@example.com  | *************.com
            contactEmail  | li@x.cn            | ***x.cn
            contact       | zhang@example.com  | *************.com
            contact       | 13800005678        | *******5678
            occurredPlace | Chaoyang, Beijing, home | ***
            address       | 北京市朝阳区建国路88号 | ***
            homeAddress   | No. 12 Xyz Road    | ***
            idNumber      | 110101199003071234 | ***
            passport      | E12345678          | ***
            """)
    void structured_fields_are_masked_by_kind(String field, String value, String masked) {
        assertThat(PersonalData.mask(field, value)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            id          | 13800005678
            number      | 20240520001
            number      | SR202310270001
            status      | IN_PROGRESS
            type        | urn:aftersales:problem:ticket-not-found
            code        | VALIDATION_FAILED
            nextCursor  | MTM4MDAwMDU2Nzg
            """)
    void identifiers_and_codes_are_never_masked(String field, String value) {
        assertThat(PersonalData.mask(field, value)).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            call back on 13900001234 please         | call back on *******1234 please
            电话13800005678，谢谢                     | 电话*******5678，谢谢
            mobile 138 0000 5678 or +86 13800005678 | mobile *******5678 or *********5678
            mobile 138-0000-5678                    | mobile *******5678
            office 010-12345678 ext. 12             | office *******5678 ext. 12
            office (0755)1234567                    | office *******4567
            London +44 20 7946 0958                 | London ********0958
            US (415) 555-2671                       | US ******2671
            0086 139 1234 5678                      | ***********5678
            """)
    void phone_numbers_in_free_text_keep_their_last_4_digits(String text, String masked) {
        assertThat(PersonalData.mask("summary", text)).isEqualTo(masked);
    }

    /** Audit evidence is exempt by its response type (NotPersonalData), not by these generic field names. */
    @ParameterizedTest
    @ValueSource(strings = {"root", "previous", "proof", "jws", "kid", "streamId", "payloadDigest"})
    void generic_field_names_of_the_audit_responses_are_masked_elsewhere(String field) {
        assertThat(PersonalData.mask(field, "call 13800005678")).isEqualTo("call *******5678");
    }

    @Test
    void emails_in_free_text_keep_their_last_4_characters() {
        assertThat(PersonalData.mask("note", "mail zhang.san+aftersales@example.com.cn now"))
                .isEqualTo("mail *******************************m.cn now");
        assertThat(PersonalData.mask("note", "邮箱li.lei@example.org。")).isEqualTo("邮箱**************.org。");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ID 110101199003071234, please verify      | ID ***, please verify
            身份证号11010119900307123X                  | 身份证号***
            card 6222021234567890123                    | card ***
            passport E12345678 expires                  | passport *** expires
            护照号码PE1234567                            | 护照号码***
            """)
    void id_numbers_in_free_text_are_hidden(String text, String hidden) {
        assertThat(PersonalData.mask("information", text)).isEqualTo(hidden);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            客户住在北京市朝阳区建国路88号3栋2单元501室，请上门              | ***，请上门
            地址：广东省深圳市南山区科技园路1号                             | 地址：***
            上海市浦东新区 张江路 88号                                     | *** 张江路 88号
            幸福小区5号楼2单元                                            | ***
            送到长安街一百号                                              | ***
            visit No. 12 Xyz Road, Apt 5B tomorrow                      | visit ***, *** tomorrow
            lives at 221B Baker Street, London                          | lives at ***, London
            send it to 5 Long Lane                                      | send it to ***
            Suite 300, 1600 Amphitheatre Parkway                        | ***, ***
            P.O. Box 1234                                               | ***
            """)
    void street_addresses_in_free_text_are_hidden(String text, String hidden) {
        assertThat(PersonalData.mask("reason", text)).isEqualTo(hidden);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "see ticket 20240520001 and SR202310270001",
            "123e4567-e89b-12d3-a456-426614174000",
            "ticket 7f1e2d3c-0123-4567-89ab-0123456789ab was merged",
            "2024-05-20T01:30:00Z", "2024-05-21T10:00:00.123456789Z", "due 2024-05-23 10:00",
            "12000.00", "¥1,234,567.89", "100-yuan coupon", "apologised, 100-yuan coupon, rostering improved",
            "capacitor replaced at 17:30", "technician arrives 10:00", "repair technician was 2 hours late",
            "no cold air, outdoor fan not turning", "out of warranty: 50 yuan, by mail or on-site",
            "3 more days on the way", "ABC-2000", "smart watch B", "model A", "files/1", "故障照片.jpg",
            "空调不制冷，室外风扇不转", "市场部区域经理明天回电", "该地区线路故障", "5月20号上门维修", "电路板第3层",
            "09:00 call, 11:00 visit, 11:30 apology", "NPS 9 of 10, scores 5/5/4/5", "acme-handler-senior",
            "Rattling (noise) number-1", "error code E-1024 after update 3.2.1"})
    void what_is_not_personal_data_is_left_alone(String text) {
        assertThat(PersonalData.mask("description", text)).isEqualTo(text);
        assertThat(PersonalData.mask(null, text)).isEqualTo(text);
    }
}
