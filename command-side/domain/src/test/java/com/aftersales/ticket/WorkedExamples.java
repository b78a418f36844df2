package com.aftersales.ticket;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Registrations of the worked examples of SPEC §12. */
public final class WorkedExamples {

    private WorkedExamples() {
    }

    /** Example 1: 2024-05-20 09:30, 张*, phone …5678, air conditioner model A, repair, urgent. */
    public static Registration airConditionerRepair() {
        return new Registration(Channel.PHONE, "repair", "urgent",
                new Registration.Customer("张*", "张*", "13800005678", null, null, false),
                new Registration.Product("A", null, null, null),
                new Registration.Problem("no cold air, outdoor fan not turning", "no cold air", null, null, null,
                        null, null),
                List.of(), null, CustomerEmotion.CALM);
    }

    /** Example 4: SR202310270001, 科技有限公司, product ABC-2000, online portal, with attachments. */
    public static Registration blackScreen() {
        return new Registration(Channel.WEB_PORTAL, "repair", null,
                new Registration.Customer("科技有限公司", "张经理", null, "zhang@example.com", null, false),
                new Registration.Product("ABC-2000", null, LocalDate.parse("2023-05-10"), new BigDecimal("12000.00")),
                new Registration.Problem("black screen and no sound after power-on", null, null, null, null,
                        Instant.parse("2023-10-27T01:00:00Z"), null),
                List.of(new Registration.Attachment("故障照片.jpg", "image/jpeg", "files/1"),
                        new Registration.Attachment("错误代码截图.png", "image/png", "files/2")),
                null, CustomerEmotion.DISSATISFIED);
    }
}
