/**
 * What a process designer may name in a flow, listed over REST ({@code GET /api/catalogue/{list}}) for DESIGNER and
 * ADMIN: e-mail, report and export templates, SMTP accounts (name, host and from address, never a username or
 * password), activity types, recipient, assignee and partner roles, change types and triggers. Each list is read from
 * the feature that owns it (its public service or enum), so the catalogue holds no data of its own and nothing
 * depends on it.
 */
package com.flowstate.catalogue;
