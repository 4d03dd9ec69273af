/**
 * Outgoing mail: SMTP credentials (passwords encrypted at rest, never returned), one cached sender per account,
 * sending with a stable Message-ID, and the local SMTP sink the demo and tests send to.
 */
package com.flowstate.mail;
