package com.flowstate.action.assignment;

/** Which rule of the assignment criteria picked the company. */
public enum ZoneType {
    /** A postal-code prefix of the company covers the opportunity; the longest prefix wins. */
    POSTAL_CODE,
    /** The company covers the opportunity's province, and no company's postal-code prefix does. */
    PROVINCE,
    /** The opportunity already had a company in this role; the action kept it. */
    EXISTING
}
