/**
 * The app shell: the main layout with navigation and user menu, the account pages, and the small pieces every
 * feature view shares (keyset paging for lazy grids, notifications). Feature views live in their features' {@code ui}
 * packages and are linked from here by route path, so the shell depends on no feature's internals.
 */
package com.flowstate.ui;
