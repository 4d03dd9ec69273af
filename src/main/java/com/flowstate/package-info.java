/**
 * Flowstate, the opportunity-flow engine of a solar-energy CRM. Each sub-package is a feature module (verified by
 * {@code ModularityTests}); this package holds only the application class and what the whole REST API shares
 * (problem details, OpenAPI).
 */
package com.flowstate;
