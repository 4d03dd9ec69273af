/**
 * The database: an embedded PostgreSQL when no {@code spring.datasource.url} is set (data kept in a local folder),
 * and the order in which Flyway and the Camunda engine start on it (Flyway first).
 */
package com.flowstate.database;
