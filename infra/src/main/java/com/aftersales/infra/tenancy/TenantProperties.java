package com.aftersales.infra.tenancy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tenants configured by id ({@code aftersales.tenants.<id>.*}). Tenants are onboarded and configured
 * through the tenant administration API; those configured here become the first tenant events at
 * the first start (a migration that runs once, docs/tenants.md), and afterwards only their rate
 * limits and checkpoint intervals are read from here.
 */
@ConfigurationProperties("aftersales")
public class TenantProperties {

    private Map<String, Tenant> tenants = new LinkedHashMap<>();

    /** Platform-wide request limits ({@code aftersales.rate-limits.*}) for tenants that set none. */
    private final RateLimitSettings rateLimits = RateLimitSettings.platformDefault();

    public Map<String, Tenant> getTenants() {
        return tenants;
    }

    public void setTenants(Map<String, Tenant> tenants) {
        this.tenants = tenants;
    }

    public RateLimitSettings getRateLimits() {
        return rateLimits;
    }

    /** {@code aftersales.tenancy.*}: how each node keeps its tenant directory. */
    private final Tenancy tenancy = new Tenancy();

    public Tenancy getTenancy() {
        return tenancy;
    }

    public static class Tenancy {

        /** How often each node looks for tenant changes made through another node. */
        private Duration refreshInterval = Duration.ofMillis(250);

        public Duration getRefreshInterval() {
            return refreshInterval;
        }

        public void setRefreshInterval(Duration refreshInterval) {
            this.refreshInterval = refreshInterval;
        }
    }

    public static class Tenant {

        /** Display name of the client company (English). */
        private String name;

        /** Display name of the client company in Chinese. */
        private String nameZh;

        /** Ticket numbers and working days follow this zone. */
        private ZoneId timeZone = ZoneId.of("Asia/Shanghai");

        /** Optional ticket number prefix, e.g. {@code SR} gives SR202310270001. */
        private String ticketPrefix = "";

        /** Digits of the daily serial in a ticket number (widens when a day needs more). */
        private int serialDigits = 3;

        /** One of the priority scheme presets of SPEC §3: URGENT_NORMAL_LOW, P0_P2 or P1_P4. */
        private PriorityScheme priorityScheme = PriorityScheme.URGENT_NORMAL_LOW;

        /** Compensation above this share of the order amount needs a MANAGER's approval (SPEC §5). */
        private int compensationCapPercent = 30;

        /** Which of the ticket types are complaints (feedback form and review before archiving, SPEC §7). */
        private List<String> complaintTypes = List.of("complaint");

        /** Ticket type codes the tenant uses. */
        private List<String> ticketTypes = List.of("repair", "inquiry", "complaint", "return-exchange", "other");

        /** The tenant's own request limits; what it leaves unset comes from {@code aftersales.rate-limits}. */
        private final RateLimitSettings rateLimit = new RateLimitSettings();

        /** The tenant's own audit checkpoint interval; what it leaves unset comes from {@code aftersales.audit.checkpoints}. */
        private final CheckpointSettings checkpoints = new CheckpointSettings();

        public CheckpointSettings getCheckpoints() {
            return checkpoints;
        }

        public String getNameZh() {
            return nameZh;
        }

        public void setNameZh(String nameZh) {
            this.nameZh = nameZh;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public ZoneId getTimeZone() {
            return timeZone;
        }

        public void setTimeZone(ZoneId timeZone) {
            this.timeZone = timeZone;
        }

        public String getTicketPrefix() {
            return ticketPrefix;
        }

        public void setTicketPrefix(String ticketPrefix) {
            this.ticketPrefix = ticketPrefix;
        }

        public int getSerialDigits() {
            return serialDigits;
        }

        public void setSerialDigits(int serialDigits) {
            this.serialDigits = serialDigits;
        }

        public PriorityScheme getPriorityScheme() {
            return priorityScheme;
        }

        public void setPriorityScheme(PriorityScheme priorityScheme) {
            this.priorityScheme = priorityScheme;
        }

        public int getCompensationCapPercent() {
            return compensationCapPercent;
        }

        public void setCompensationCapPercent(int compensationCapPercent) {
            this.compensationCapPercent = compensationCapPercent;
        }

        public List<String> getComplaintTypes() {
            return complaintTypes;
        }

        public void setComplaintTypes(List<String> complaintTypes) {
            this.complaintTypes = complaintTypes;
        }

        public List<String> getTicketTypes() {
            return ticketTypes;
        }

        public void setTicketTypes(List<String> ticketTypes) {
            this.ticketTypes = ticketTypes;
        }

        public RateLimitSettings getRateLimit() {
            return rateLimit;
        }
    }

    /** Request limits as configured; unset values are null (see {@link #resolve}). */
    public static class RateLimitSettings {

        /** Requests per period of one tenant, all its clients together. */
        private Integer requests;

        /** Requests per period of one client (token subject) of the tenant. */
        private Integer clientRequests;

        /** Requests a client may send at once (its bucket's capacity). */
        private Integer clientBurst;

        /** The period the request counts refer to. */
        private Duration period;

        static RateLimitSettings platformDefault() {
            RateLimitSettings settings = new RateLimitSettings();
            settings.requests = 6000;
            settings.clientRequests = 1200;
            settings.clientBurst = 300;
            settings.period = Duration.ofMinutes(1);
            return settings;
        }

        /** These settings, each unset value taken from {@code fallback}. */
        public RateLimit resolve(RateLimitSettings fallback) {
            return new RateLimit(or(requests, fallback.requests), or(clientRequests, fallback.clientRequests),
                    or(clientBurst, fallback.clientBurst), or(period, fallback.period));
        }

        private static <T> T or(T value, T fallback) {
            return value != null ? value : fallback;
        }

        public Integer getRequests() {
            return requests;
        }

        public void setRequests(Integer requests) {
            this.requests = requests;
        }

        public Integer getClientRequests() {
            return clientRequests;
        }

        public void setClientRequests(Integer clientRequests) {
            this.clientRequests = clientRequests;
        }

        public Integer getClientBurst() {
            return clientBurst;
        }

        public void setClientBurst(Integer clientBurst) {
            this.clientBurst = clientBurst;
        }

        public Duration getPeriod() {
            return period;
        }

        public void setPeriod(Duration period) {
            this.period = period;
        }
    }

    /** {@code aftersales.tenants.<id>.checkpoints.*}: unset values fall back to {@code aftersales.audit.checkpoints.*}. */
    public static class CheckpointSettings {

        /** A checkpoint after this many of the tenant's events. */
        private Integer everyEvents;

        /** A checkpoint once the last is this old and events wait. */
        private Duration every;

        public Integer getEveryEvents() {
            return everyEvents;
        }

        public void setEveryEvents(Integer everyEvents) {
            this.everyEvents = everyEvents;
        }

        public Duration getEvery() {
            return every;
        }

        public void setEvery(Duration every) {
            this.every = every;
        }
    }
}
