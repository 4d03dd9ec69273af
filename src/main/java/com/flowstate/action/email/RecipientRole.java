package com.flowstate.action.email;

/** Who on an opportunity an e-mail goes to. */
public enum RecipientRole {
    CUSTOMER, INSTALLER, SELLER, INTERNAL_USER
}
