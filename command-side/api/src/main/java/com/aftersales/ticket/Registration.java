package com.aftersales.ticket;

import com.aftersales.infra.privacy.PersonalField;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The customer problem register form 客户问题登记表 of SPEC §2: what the registrar writes down.
 *
 * @param type                 tenant-configured ticket type 需求类型, e.g. {@code repair}
 * @param priority             optional initial level of the tenant's priority scheme
 * @param expectedResolutionAt the customer's expected resolution time 期望解决时间
 */
public record Registration(
        Channel channel,
        String type,
        String priority,
        Customer customer,
        Product product,
        Problem problem,
        List<Attachment> attachments,
        Instant expectedResolutionAt,
        CustomerEmotion emotion) {

    public Registration {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** 客户名称, 联系人, 联系方式, customer id / VIP flag. */
    public record Customer(@PersonalField String name, @PersonalField String contactPerson,
                           @PersonalField String phone, @PersonalField String email, @PersonalField String customerId,
                           boolean vip) {
    }

    /** 产品型号, 序列号, 购买日期, order amount. */
    public record Product(String model, String serialNumber, LocalDate purchaseDate, BigDecimal orderAmount) {
    }

    /** 问题描述 in the customer's words, with when and where it happened. */
    public record Problem(@PersonalField String description, @PersonalField String symptom, String frequency,
                          @PersonalField String impactScope, @PersonalField String alreadyTried, Instant occurredAt,
                          @PersonalField String occurredPlace) {
    }

    /** Evidence 附件: photos, videos, invoices, screenshots, stored elsewhere and referenced here. */
    public record Attachment(@PersonalField String fileName, String contentType, @PersonalField String uri) {
    }
}
