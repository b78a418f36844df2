package com.aftersales.ticket;

/** The customer's emotion at intake 情绪: calm 平静, dissatisfied 不满, angry 愤怒. */
public enum CustomerEmotion {
    CALM, DISSATISFIED, ANGRY
}
