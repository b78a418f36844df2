package com.aftersales.ticket;

/**
 * Where a ticket stands in the closed loop accept → handle → feedback → archive. Which command
 * may move it where, and by whom, is {@link TicketLifecycle}.
 */
public enum TicketStatus {
    /** Registered 已登记, not yet with a handler. */
    REGISTERED,
    /** Assigned to a department and person 已分配, awaiting their confirmation. */
    ASSIGNED,
    /** The assignee confirmed receipt and is handling it 处理中. */
    IN_PROGRESS,
    /** Sent back to intake for missing details 退回补充. */
    RETURNED_FOR_INFORMATION,
    /** Solved; waiting for the customer's verification 待客户验收. */
    RESOLVED,
    /** The customer accepted; survey and follow-up call 回访 happen now. */
    CLOSED,
    /** Archived 归档: read-only. */
    ARCHIVED
}
