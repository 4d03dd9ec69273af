package com.flowstate.flow;

/**
 * The timer named is not a pending timer of the opportunity's flow: it fired, was cancelled, belongs to another
 * flow, or ({@link #firing()}) is firing at this very moment.
 */
public class TimerNotPendingException extends RuntimeException {

    private final String jobId;
    private final boolean firing;

    TimerNotPendingException(String jobId, boolean firing) {
        super(firing ? "Scheduled action " + jobId + " is running now: too late to change it"
                : "No pending scheduled action " + jobId + " on this opportunity");
        this.jobId = jobId;
        this.firing = firing;
    }

    public String jobId() {
        return jobId;
    }

    public boolean firing() {
        return firing;
    }
}
