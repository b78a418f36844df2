package com.aftersales.gateway;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Request bodies of the worked examples of SPEC §12, as a client app sends them. */
final class TicketRequests {

    private TicketRequests() {
    }

    /** Example 1: 张*, phone …5678, air conditioner model A, repair, urgent. */
    static Map<String, Object> airConditionerRepair() {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "PHONE");
        body.put("type", "repair");
        body.put("priority", "urgent");
        body.put("customer", Map.of("name", "张*", "phone", "13800005678"));
        body.put("product", Map.of("model", "A"));
        body.put("problem", Map.of("description", "no cold air, outdoor fan not turning", "symptom", "no cold air",
                "occurredPlace", "Chaoyang, Beijing, home"));
        body.put("emotion", "CALM");
        return body;
    }

    /** Example 4, at a SaaS vendor on P0-P2 with prefix SR. */
    static Map<String, Object> blackScreen(String customer) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "WEB_PORTAL");
        body.put("type", "product-fault");
        body.put("priority", "P1");
        body.put("customer", Map.of("name", customer, "contactPerson", "张经理", "email", "zhang@example.com"));
        body.put("product", Map.of("model", "ABC-2000", "purchaseDate", "2023-05-10", "orderAmount", 12000.00));
        body.put("problem", Map.of("description", "black screen and no sound after power-on"));
        body.put("attachments", List.of(Map.of("fileName", "故障照片.jpg", "uri", "files/1"),
                Map.of("fileName", "错误代码截图.png", "uri", "files/2")));
        return body;
    }
}
