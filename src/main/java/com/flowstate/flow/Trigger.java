package com.flowstate.flow;

/** When an action runs, derived from where the designer placed it inside its substate. */
public enum Trigger {
    /** Before the substate's wait state: runs when the substate opens. */
    OPEN,
    /** After the wait state: runs when the substate closes. */
    CLOSE,
    /** Inside a timer event sub-process of the substate: runs a set time after it opened. */
    SCHEDULED,
    /** Outside any substate. */
    PROCESS
}
