/** The Exports tab of the action history: its grid with each row's file to download, its filters and its provider. */
package com.flowstate.action.export.ui;
