package com.aftersales.ticket;

/** Intake channels 渠道 (SPEC §2). */
public enum Channel {
    PHONE, ONLINE_CHAT, EMAIL, WECHAT, APP, WEB_PORTAL, SOCIAL_MEDIA, STORE_COUNTER, ACCOUNT_MANAGER, API
}
