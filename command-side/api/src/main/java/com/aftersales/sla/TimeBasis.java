package com.aftersales.sla;

/** In which time a target is counted. */
public enum TimeBasis {
    /** Wall-clock time, nights, weekends and holidays included ("within 24 h"). */
    CALENDAR,
    /** Working time of the tenant's calendar ("within 1 working hour"). */
    WORKING_TIME,
    /**
     * Whole working days ("within 3 working days"): the same working moment so many working days
     * later; converted once, when the clock starts, into the working time up to that moment.
     */
    WORKING_DAYS
}
