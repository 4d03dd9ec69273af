/**
 * The admin views of partner companies and users, and the "choose a new password" view a user whose password was
 * reset is kept on until they chose one.
 */
package com.flowstate.directory.ui;
