/**
 * The Assignment tab of the action history: its grid, filters, the accept / reject answers a partner user gives
 * from it (with the dialog that asks for a rejection's reason) and the provider that contributes the tab; and the
 * admins' assignment rules view with its simulator ({@code admin/assignment-rules}).
 */
package com.flowstate.action.assignment.ui;
