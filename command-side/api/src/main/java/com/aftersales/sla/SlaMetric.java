package com.aftersales.sla;

/** What an SLA clock measures (SPEC §2, §5–§7); docs/sla.md defines when each starts and stops. */
public enum SlaMetric {
    /** From registration to the first response to the customer (the priority's response time). */
    FIRST_RESPONSE,
    /** From the last customer update to the next one: every 24 h, 12 h for the two highest levels. */
    CUSTOMER_UPDATE,
    /** From registration to the resolution. */
    RESOLUTION,
    /** From the customer's rejection of a resolution to the result of the second handling. */
    SECOND_HANDLING,
    /** From the end of a complaint's handling to the responsible person's feedback form. */
    COMPLAINT_FEEDBACK,
    /** From an unresolved or unsatisfied feedback form to its second result. */
    COMPLAINT_SECOND_RESULT,
    /**
     * From the assignee's first acceptance to the resolution: a ticket its handler has not solved in
     * it (24 h) is escalated (SPEC §5: what cannot be solved alone is escalated within 24 h).
     */
    ESCALATION
}
