package com.flowstate.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.flowstate.support.IntegrationTest;

/**
 * Every foreign key has an index that starts with its column and covers every row that can reference (all rows, or
 * those where the column is not null), so deleting a referenced row (an opportunity, a customer, a process instance)
 * looks the references up instead of scanning the referencing table once per deleted row. Camunda's own tables
 * (act_*) are checked too: Camunda 7.24's schema has such an index for each of its 42 foreign keys, and an upgrade or a
 * migration of ours that drops one shows here.
 */
@IntegrationTest
class ForeignKeyIndexesIT {

    @Autowired JdbcClient jdbc;

    @Test
    void everyForeignKeyHasAFullIndexLeadingWithItsColumn() {
        List<String> unindexed = jdbc.sql("""
                select c.conrelid::regclass || '.' || a.attname
                  from pg_constraint c
                  join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
                 where c.contype = 'f' and c.connamespace = current_schema()::regnamespace
                   and not exists (select 1 from pg_index i
                                    where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1]
                                      and (i.indpred is null or pg_get_expr(i.indpred, i.indrelid)
                                           = '(' || a.attname || ' IS NOT NULL)'))
                 order by 1""").query(String.class).list();

        assertThat(unindexed).isEmpty();
    }
}
