package com.aftersales.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A tenant's working calendar: immutable versions, each in force from its effective date. A clock
 * computes with the version in force when it starts (or resumes, or is re-targeted) and records its
 * id; a later version applies only to later computations, so it never rewrites a past due time.
 */
public final class WorkingCalendar {

    private final List<CalendarVersion> versions;

    private WorkingCalendar(List<CalendarVersion> versions) {
        this.versions = List.copyOf(versions);
    }

    public static WorkingCalendar of(CalendarVersion first) {
        return new WorkingCalendar(List.of(first));
    }

    /**
     * The versions a tenant's configuration lists, in order of their effective dates (distinct ids):
     * rebuilt on every read, so "not before today" is checked when a version is configured, not here.
     */
    public static WorkingCalendar of(List<CalendarVersion> versions) {
        for (int i = 1; i < versions.size(); i++) {
            if (!versions.get(i).effectiveFrom().isAfter(versions.get(i - 1).effectiveFrom())) {
                throw new IllegalArgumentException("Calendar versions take effect one after the other: " + versions);
            }
        }
        if (versions.stream().map(CalendarVersion::id).distinct().count() != versions.size()) {
            throw new IllegalArgumentException("Calendar version ids repeat: " + versions);
        }
        return new WorkingCalendar(versions);
    }

    /**
     * A new version, effective from a date after the current one's and not before {@code today}:
     * days already counted keep the version they were counted with.
     */
    public WorkingCalendar withVersion(CalendarVersion next, LocalDate today) {
        CalendarVersion latest = latest();
        if (!next.effectiveFrom().isAfter(latest.effectiveFrom()) || next.effectiveFrom().isBefore(today)) {
            throw new IllegalArgumentException("A new calendar version takes effect after " + latest.effectiveFrom()
                    + " and not before today (" + today + "): " + next.effectiveFrom());
        }
        if (version(next.id()).isPresent()) {
            throw new IllegalArgumentException("Calendar version " + next.id() + " exists");
        }
        List<CalendarVersion> all = new ArrayList<>(versions);
        all.add(next);
        return new WorkingCalendar(all);
    }

    /** The version in force at an instant (its effective date read in its own time zone). */
    public CalendarVersion versionAt(Instant instant) {
        CalendarVersion inForce = versions.get(0);
        for (CalendarVersion version : versions) {
            if (!version.effectiveFrom().isAfter(version.localDate(instant))) {
                inForce = version;
            }
        }
        return inForce;
    }

    public Optional<CalendarVersion> version(String id) {
        return versions.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    /** The version an event names; recomputing a clock from its history needs every version it used. */
    public CalendarVersion require(String id) {
        return version(id).orElseThrow(() -> new IllegalArgumentException("Unknown calendar version " + id));
    }

    public List<CalendarVersion> versions() {
        return versions;
    }

    public CalendarVersion latest() {
        return versions.get(versions.size() - 1);
    }

    /**
     * Years, this one and the next, whose official holiday arrangements the latest version lacks,
     * for a calendar that follows them: the service warns the tenant admin until a version adds them.
     * Empty for a calendar that follows none.
     */
    public List<Integer> missingOfficialYears(LocalDate today) {
        CalendarVersion latest = latest();
        if (latest.officialYears().isEmpty()) {
            return List.of();
        }
        return IntStream.of(today.getYear(), today.getYear() + 1)
                .filter(year -> !latest.officialYears().contains(year)).boxed().toList();
    }

    public boolean nextYearMissing(LocalDate today) {
        return missingOfficialYears(today).contains(today.getYear() + 1);
    }
}
