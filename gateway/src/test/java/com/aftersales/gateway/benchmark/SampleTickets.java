package com.aftersales.gateway.benchmark;

import com.aftersales.ticket.Channel;
import com.aftersales.ticket.CustomerEmotion;
import com.aftersales.ticket.Registration;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Register forms as help-desk staff write them: Chinese descriptions mixing model numbers
 * ({@code KFR-35GW}), error codes and English product names, Chinese customer names, phone numbers.
 * One generator per tenant: {@code acme} sells appliances (urgent/normal/low), {@code nimbus} runs
 * SaaS products (P0–P2). Deterministic for a given seed.
 */
final class SampleTickets {

    private static final String[] SURNAMES = {"张", "王", "李", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
            "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "欧阳", "司马"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇",
            "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建国", "晓东", "海燕", "子涵"};
    private static final String[] CITIES = {"北京市朝阳区", "上海市浦东新区", "广州市天河区", "深圳市南山区",
            "杭州市西湖区", "成都市武侯区", "武汉市洪山区", "南京市鼓楼区", "西安市雁塔区", "重庆市渝北区"};

    private static final String[] ACME_MODELS = {"KFR-35GW", "KFR-26GW", "KFR-72LW", "KFR-50LW/BP3", "BCD-470WTM",
            "BCD-215STPH", "XQG100-B14876", "XQB80-Z3018", "JSQ25-13WT", "CXW-260-JE9", "ES60H-GM3", "TF-3050"};
    private static final String[] ACME_PRODUCTS = {"空调", "挂机空调", "柜机空调", "变频空调", "冰箱", "对开门冰箱",
            "滚筒洗衣机", "波轮洗衣机", "燃气热水器", "油烟机", "电热水器", "洗碗机"};
    private static final String[] ACME_SYMPTOMS = {"不制冷", "制热效果差", "外机不转", "内机漏水", "噪音很大",
            "显示E4故障代码", "显示F1报错", "无法开机", "遥控器失灵", "有异味", "冷藏室结冰", "门封条脱落",
            "脱水时剧烈晃动", "不进水", "点火失败", "排水慢", "压缩机频繁启停", "出风口有水珠"};
    private static final String[] ACME_CONTEXTS = {"安装后第三天", "用了两年多", "今年夏天开始", "刚搬家重新安装后",
            "保修期内", "昨晚突然", "停电恢复后", "上次维修后又出现", "连续一周", "开机半小时后"};
    private static final String[] ACME_ASKS = {"希望尽快上门检修", "要求更换新机", "询问是否在保修范围",
            "请安排师傅周末上门", "对上次维修不满意，要求投诉", "想了解清洗保养费用", "要求退货"};

    private static final String[] NIMBUS_MODELS = {"ABC-2000", "NimbusDrive", "CRM-Cloud v5", "API Gateway",
            "BI-Report 3.2", "SSO Connector", "Mobile SDK 7.1", "DataSync Pro"};
    private static final String[] NIMBUS_SYMPTOMS = {"登录后白屏", "报表导出超时", "API 返回 502", "同步失败 错误码 E1023",
            "权限配置不生效", "页面加载很慢", "数据丢失", "发票无法下载", "短信验证码收不到", "Webhook 回调重复",
            "黑屏且无声音", "单点登录跳转失败"};
    private static final String[] NIMBUS_CONTEXTS = {"升级到新版本后", "今天上午九点起", "切换到 HTTPS 之后",
            "新员工账号", "月底结账时", "使用 Chrome 浏览器时", "部分客户反馈", "所有分支机构"};
    private static final String[] NIMBUS_ASKS = {"影响全公司业务，请紧急处理", "希望给出临时解决方案",
            "请提供根因分析报告", "要求按合同赔偿", "咨询是否有配置说明文档", "建议增加批量导出功能"};

    private static final String[] ACME_TYPES = {"repair", "repair", "repair", "repair", "inquiry", "inquiry",
            "complaint", "return-exchange", "other"};
    private static final String[] NIMBUS_TYPES = {"product-fault", "product-fault", "product-fault", "service-error",
            "inquiry-suggestion", "inquiry-suggestion", "complaint", "other"};
    private static final Channel[] CHANNELS = {Channel.PHONE, Channel.PHONE, Channel.PHONE, Channel.WECHAT,
            Channel.APP, Channel.ONLINE_CHAT, Channel.EMAIL, Channel.WEB_PORTAL, Channel.STORE_COUNTER};

    static final List<String> ACME_DEPARTMENTS = List.of("空调维修部", "冰箱维修部", "洗衣机维修部", "安装服务部", "客户关怀部");
    static final List<String> NIMBUS_DEPARTMENTS = List.of("技术支持一线", "技术支持二线", "账务中心", "客户成功部");

    private final boolean acme;
    private final List<String> priorities;

    SampleTickets(String tenant) {
        this.acme = tenant.equals("acme");
        this.priorities = acme ? List.of("urgent", "normal", "normal", "normal", "low", "low")
                : List.of("P0", "P1", "P1", "P2", "P2", "P2");
    }

    List<String> departments() {
        return acme ? ACME_DEPARTMENTS : NIMBUS_DEPARTMENTS;
    }

    String type(SplittableRandom random) {
        return pick(random, acme ? ACME_TYPES : NIMBUS_TYPES);
    }

    String priority(SplittableRandom random) {
        return priorities.get(random.nextInt(priorities.size()));
    }

    /** A whole register form for ticket {@code index}, as the gateway stores it. */
    Registration registration(SplittableRandom random, long index, Instant registeredAt) {
        String model = pick(random, acme ? ACME_MODELS : NIMBUS_MODELS);
        String symptom = pick(random, acme ? ACME_SYMPTOMS : NIMBUS_SYMPTOMS);
        String name = customerName(random);
        String description = acme
                ? "客户" + name + "反映：" + pick(random, ACME_CONTEXTS) + "，" + model + " " + pick(random, ACME_PRODUCTS)
                + symptom + "，" + pick(random, ACME_ASKS) + "。地址在" + pick(random, CITIES) + "。"
                : name + "（" + pick(random, CITIES).substring(0, 3) + "分公司）报告：" + pick(random, NIMBUS_CONTEXTS)
                + "，" + model + " " + symptom + "，" + pick(random, NIMBUS_ASKS) + "。";
        String phone = "1" + (35 + random.nextInt(55)) + String.format("%08d", random.nextInt(100_000_000));
        String email = acme && random.nextInt(3) > 0 ? null : "user" + index + "@example.com.cn";
        LocalDate purchased = LocalDate.ofInstant(registeredAt, ZoneOffset.UTC).minusDays(30 + random.nextInt(900));
        BigDecimal amount = BigDecimal.valueOf(1_000 + random.nextInt(20_000)).setScale(2);
        List<Registration.Attachment> attachments = random.nextInt(4) == 0
                ? List.of(new Registration.Attachment("故障照片" + index + ".jpg", "image/jpeg", "files/" + index))
                : List.of();
        return new Registration(pick(random, CHANNELS), type(random), priority(random),
                new Registration.Customer(name, random.nextInt(5) == 0 ? name + "的家属" : null, phone, email,
                        "C" + (100_000 + index % 80_000), random.nextInt(20) == 0),
                new Registration.Product(model, "SN" + Long.toString(9_000_000_000L + index * 7919L), purchased, amount),
                new Registration.Problem(description, symptom, random.nextBoolean() ? "每天" : "偶尔", null,
                        random.nextInt(3) == 0 ? "已重启设备" : null, registeredAt.minusSeconds(3_600L * random.nextInt(72)),
                        acme ? pick(random, CITIES) + "家中" : null),
                attachments, null, pick(random, CustomerEmotion.values()));
    }

    /** The JSON body of {@code POST /api/v1/tickets} for a new ticket. */
    Map<String, Object> requestBody(SplittableRandom random, long index) {
        Registration form = registration(random, index, Instant.now());
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("name", form.customer().name());
        customer.put("phone", form.customer().phone());
        if (form.customer().email() != null) {
            customer.put("email", form.customer().email());
        }
        customer.put("customerId", form.customer().customerId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", form.channel().name());
        body.put("type", form.type());
        body.put("priority", form.priority());
        body.put("customer", customer);
        body.put("product", Map.of("model", form.product().model(), "serialNumber", form.product().serialNumber(),
                "purchaseDate", form.product().purchaseDate().toString()));
        body.put("problem", Map.of("description", form.problem().description(), "symptom", form.problem().symptom()));
        body.put("emotion", form.emotion().name());
        return body;
    }

    private static String customerName(SplittableRandom random) {
        return pick(random, SURNAMES) + pick(random, GIVEN);
    }

    static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
