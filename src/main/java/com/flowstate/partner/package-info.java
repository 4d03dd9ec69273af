/**
 * Partner companies (installers and sellers) and the zones each serves (provinces, postal-code prefixes), which the
 * assignment action matches an opportunity against.
 */
package com.flowstate.partner;
