/**
 * The languages of the UI (Italian, English, Spanish): which one a user gets (their choice, remembered in a cookie,
 * else the browser's when supported, else Italian) and how they switch. Both the login page and the signed-in shell
 * use it, so it depends on neither.
 */
package com.flowstate.i18n;
