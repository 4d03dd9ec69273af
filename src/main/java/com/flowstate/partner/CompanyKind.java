package com.flowstate.partner;

/** The platform company runs the pipeline; installers and sellers are its partner companies. */
public enum CompanyKind {
    PLATFORM, INSTALLER, SELLER
}
