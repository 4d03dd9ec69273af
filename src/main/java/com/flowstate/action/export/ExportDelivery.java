package com.flowstate.action.export;

/** How the file reached the recipient: attached to the e-mail, or as a download link when it was too large. */
public enum ExportDelivery {
    ATTACHED, LINKED
}
