package com.aftersales.ticket;

/** Special marks 特殊标记 (SPEC §3). */
public enum Mark {
    /** A VIP customer. */
    VIP,
    /** 重复: same customer, same product, again within a window. */
    REPEAT,
    /** 批量: one of many tickets with the same product model and fault. */
    BATCH
}
