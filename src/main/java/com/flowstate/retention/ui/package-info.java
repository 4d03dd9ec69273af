/** Retention's view for admins: the days per tab, a dry-run count and a purge now. */
package com.flowstate.retention.ui;
