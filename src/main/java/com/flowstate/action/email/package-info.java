/**
 * Send e-mail: renders an e-mail template for the opportunity and sends it through an SMTP account
 * ({@link com.flowstate.action.email.SendEmailAction}); its E-mail tab's query and REST endpoint
 * ({@code GET /api/history/emails}). E-mail templates are managed here too ({@link
 * com.flowstate.action.email.EmailTemplateService}).
 */
@NamedInterface("email")
package com.flowstate.action.email;

import org.springframework.modulith.NamedInterface;
