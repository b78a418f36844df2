package com.aftersales.sla;

import com.aftersales.sla.SlaClockEvents.SlaClockBreached;
import com.aftersales.sla.SlaClockEvents.SlaClockFulfilled;
import com.aftersales.sla.SlaClockEvents.SlaClockPaused;
import com.aftersales.sla.SlaClockEvents.SlaClockResumed;
import com.aftersales.sla.SlaClockEvents.SlaClockRetargeted;
import com.aftersales.sla.SlaClockEvents.SlaClockStarted;
import com.aftersales.sla.SlaClockEvents.SlaClockWarned;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading clock facts out of a ticket's history. */
public final class SlaFacts {

    private SlaFacts() {
    }

    /** The clock a fact belongs to, or null when the payload is not a clock fact. */
    public static String clockIdOf(Object fact) {
        if (fact instanceof SlaClockStarted e) {
            return e.clockId();
        } else if (fact instanceof SlaClockPaused e) {
            return e.clockId();
        } else if (fact instanceof SlaClockResumed e) {
            return e.clockId();
        } else if (fact instanceof SlaClockRetargeted e) {
            return e.clockId();
        } else if (fact instanceof SlaClockWarned e) {
            return e.clockId();
        } else if (fact instanceof SlaClockFulfilled e) {
            return e.clockId();
        } else if (fact instanceof SlaClockBreached e) {
            return e.clockId();
        }
        return null;
    }

    /** The clocks of a history (other payloads are skipped), recomputed in the order they started. */
    public static List<SlaClock> clocks(List<?> history, WorkingCalendar calendar) {
        Map<String, List<Object>> byClock = new LinkedHashMap<>();
        for (Object payload : history) {
            String clockId = clockIdOf(payload);
            if (clockId != null) {
                byClock.computeIfAbsent(clockId, id -> new ArrayList<>()).add(payload);
            }
        }
        return byClock.values().stream().map(facts -> SlaClock.replay(facts, calendar)).toList();
    }
}
