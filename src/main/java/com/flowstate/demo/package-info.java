/**
 * The demo profile: demo users, partners, SMTP accounts and templates created through each feature's public
 * service, a driver that pushes demo opportunities through the flow so every history tab fills, and a webhook
 * receiver standing in for an ERP. Nothing outside this package depends on it.
 */
package com.flowstate.demo;
