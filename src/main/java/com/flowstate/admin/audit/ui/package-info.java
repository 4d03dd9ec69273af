/**
 * The audit trail's view for admins: filters like a history tab's, keyset-paged rows, a field diff per row, cards on a
 * phone.
 */
package com.flowstate.admin.audit.ui;
