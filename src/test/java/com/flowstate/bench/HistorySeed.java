package com.flowstate.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Seeds the action history at scale, set-based (one {@code insert … select … from generate_series} per table, never a
 * row at a time), for the history benchmarks (issue 10, scenarios 3 and 5). Everything scales from one number, the
 * e-mail rows {@code E}:
 * <ul>
 *   <li>{@code E / 10} opportunities (at least 200), each run by one of 200 partner companies (odd ones installers,
 *       even ones sellers) with a skew like a real platform's: the biggest partner has 20% of the opportunities, the
 *       smallest 0.05% (at least one), the 198 others share the rest by 1/rank. A partner's opportunities are spread
 *       over the whole id and time range, not in one block;</li>
 *   <li>{@code E} rows in {@code email_history} (about 10 per opportunity) and as many rows as opportunities in each
 *       other tab: activities (with their {@code activity}), substate changes, assignments, reports, webhooks and
 *       exports; created over the last two years, ids increasing with time, 3% failed, 1% retrying;</li>
 *   <li>one "needle" opportunity of the smallest partner with exactly one row in each tab, whose text columns (and
 *       name) all contain {@link Seeded#needle()}: a "contains" filter on it matches one row of each tab;</li>
 *   <li>a user of the biggest and of the smallest partner and an internal user, all with {@link Seeded#password()}
 *       (hashed with bcrypt at cost 4, so a benchmark's HTTP Basic requests do not measure bcrypt);</li>
 *   <li>optionally ({@code camundaActions > 0}) the same actions as Camunda history: one {@code ACT_HI_ACTINST} row
 *       of a service task per e-mail row and its variables {@code recipient} and {@code status} in
 *       {@code ACT_HI_VARINST}, in the process instances of the seeded opportunities — the baseline's data.</li>
 * </ul>
 * The rows are written with {@code session_replication_role = replica} (a superuser's setting; the embedded database
 * runs as one), which skips the foreign-key checks (the seeder writes consistent ids) and the change feed's NOTIFY
 * triggers (V22) that would otherwise queue one notification per row. Every name carries the run's {@link Seeded#tag()},
 * so the data lives beside other tests' without clashing, and {@link #drop} removes exactly it.
 * <p>
 * Usage: {@code Seeded s = HistorySeed.seed(dataSource, 20_000); … HistorySeed.drop(dataSource, s);}
 * <p>
 * With {@code -Dbench.history.reuse=true} one seed serves every benchmark of the JVM that asks for the same number of
 * e-mail rows (and no more Camunda actions than it has), and {@link #drop} keeps it: scenarios 3 and 5 at 10M rows
 * then seed once (~16 minutes) instead of twice. The rows stay in the test database of the build folder.
 */
public final class HistorySeed {

    /** Partner companies seeded. */
    public static final int PARTNERS = 200;
    /** Share of the opportunities of the biggest and of the smallest partner. */
    public static final double BIGGEST_SHARE = 0.20;
    public static final double SMALLEST_SHARE = 0.0005;
    /** The time the rows are spread over, back from now. */
    public static final Duration SPAN = Duration.ofDays(730);
    /** The seeded users' password. */
    public static final String PASSWORD = "bench-password";

    /** From this many opportunities on, the seeded tables' indexes are dropped and built again after the rows. */
    static final int REBUILD_FROM = 100_000;

    /** Primes that walk the ids in a scattered order: partner of an opportunity, opportunity of a history row. */
    private static final long PARTNER_STRIDE = 104_729;
    private static final long ROW_STRIDE = 7_919;

    /** Seeds kept for reuse in this JVM, by e-mail rows ({@code -Dbench.history.reuse=true}). */
    private static final Map<Integer, Seeded> REUSABLE = new ConcurrentHashMap<>();

    private HistorySeed() {
    }

    private static boolean reuse() {
        return Boolean.getBoolean("bench.history.reuse");
    }

    /**
     * What a seed made: the ids and names a benchmark needs, and how long each table took.
     *
     * @param tag                 unique to this seed, in every seeded name and key
     * @param needle              text that a "contains" filter matches in exactly one row of each tab
     * @param noMatch             text that a "contains" filter matches in no row
     * @param firstOpportunityId  seeded opportunities are {@code firstOpportunityId..lastOpportunityId} (the needle's
     *                            is the last)
     * @param biggestPartnerId    the company with 20% of the opportunities; {@code biggestUser} is one of its users
     * @param smallestPartnerId   the company with 0.05%; {@code smallestUser} is one of its users
     * @param internalUser        an INTERNAL user (sees every row)
     * @param rows                rows written per table
     * @param millis              milliseconds spent per table (and "indexes" rebuilt, "vacuum analyze", "total")
     */
    public record Seeded(String tag, String needle, String noMatch, long firstOpportunityId, long lastOpportunityId,
                         long needleOpportunityId, long biggestPartnerId, long smallestPartnerId,
                         long biggestPartnerOpportunities, long smallestPartnerOpportunities,
                         String biggestUser, String smallestUser, String internalUser, String password,
                         int emailRows, int opportunities, int camundaActions,
                         Map<String, Long> rows, Map<String, Long> millis) {

        /** Process instance id of the seeded opportunity with this id (also the Camunda rows' process instance). */
        public String processInstanceId(long opportunityId) {
            return tag + "-pi-" + opportunityId;
        }
    }

    /**
     * Seeds a database from the command line, e.g. the one a running app uses for a browser benchmark:
     * {@code java -cp <test classpath> com.flowstate.bench.HistorySeed <jdbc url> <user> <password> <e-mail rows>
     * [camunda actions]}. Prints what it made. The schema must be Flyway's (and Camunda's, for camunda actions).
     */
    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: HistorySeed <jdbc url> <user> <password> <e-mail rows> [camunda actions]");
            System.exit(2);
        }
        org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setURL(args[0]);
        dataSource.setUser(args[1]);
        dataSource.setPassword(args[2]);
        Seeded seeded = seed(dataSource, Integer.parseInt(args[3]), args.length > 4 ? Integer.parseInt(args[4]) : 0);
        System.out.println(seeded);
    }

    /** Seeds {@code emailRows} e-mail rows and everything else from it (see the class), without Camunda's history. */
    public static Seeded seed(DataSource dataSource, int emailRows) {
        return seed(dataSource, emailRows, 0);
    }

    /**
     * Seeds {@code emailRows} e-mail rows and everything else from it (see the class).
     *
     * @param camundaActions the number of send-e-mail actions to seed into Camunda's history (0 = none)
     */
    public static synchronized Seeded seed(DataSource dataSource, int emailRows, int camundaActions) {
        Seeded kept = reuse() ? REUSABLE.get(emailRows) : null;
        if (kept != null && kept.camundaActions() >= camundaActions) {
            return kept;
        }
        Seeded seeded = seedAnew(dataSource, emailRows, camundaActions);
        if (reuse()) {
            REUSABLE.put(emailRows, seeded);
        }
        return seeded;
    }

    private static Seeded seedAnew(DataSource dataSource, int emailRows, int camundaActions) {
        if (emailRows < 2_000) {
            throw new IllegalArgumentException("Seed at least 2,000 e-mail rows (200 opportunities), not " + emailRows);
        }
        String tag = "bench" + randomLetters(6);
        String needle = "qneedle" + randomLetters(8);
        int opportunities = emailRows / 10;
        long started = System.nanoTime();
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Sql sql = new Sql(connection, rows, millis);
            sql.exec("set local session_replication_role = replica");
            sql.exec("set local synchronous_commit = off");
            sql.exec("set local work_mem = '256MB'");
            sql.exec("set local maintenance_work_mem = '512MB'");

            long[] partners = companies(sql, tag);
            long[] counts = partnerCounts(opportunities);
            long platform = sql.longValue("""
                    insert into company (name, kind, email) values (?, 'PLATFORM', ?) returning id""",
                    tag + " platform", tag + "@platform.example");
            String password = new BCryptPasswordEncoder(4).encode(PASSWORD);
            String internalUser = user(sql, tag + "-internal", password, platform, "INTERNAL");
            String biggestUser = user(sql, tag + "-biggest", password, partners[0], "PARTNER");
            String smallestUser = user(sql, tag + "-smallest", password, partners[PARTNERS - 1], "PARTNER");
            long internalUserId = sql.longValue("select id from app_user where username = ?", internalUser);

            long customer = sql.longValue("""
                    insert into customer (name, email) values (?, ?) returning id""",
                    tag + " customer", tag + "@customer.example");
            // Ids reserved in one block (the needle's is the last), so rows can name an opportunity by arithmetic.
            long first = sql.reserve("opportunity", opportunities + 1);
            long last = first + opportunities;
            opportunities(sql, tag, first, opportunities, partners, counts, customer, internalUserId);
            long needleOpportunity = last;
            sql.update("opportunity", """
                    insert into opportunity (id, name, customer_id, city, postal_code, province, seller_id,
                                             process_instance_id, created_at)
                    values (?, ?, ?, 'Milano', '20100', 'MI', ?, ?, now() - interval '1 day')""",
                    needleOpportunity, "Impianto " + needle, customer, partners[PARTNERS - 1],
                    tag + "-pi-" + needleOpportunity);

            // At a million rows and more, inserting into a dozen indexes (trigram GINs among them) costs far more than
            // building them once after: the table's plain indexes are dropped and rebuilt in this transaction.
            List<String> rebuild = opportunities >= REBUILD_FROM
                    ? sql.dropIndexes(List.of("email_history", "activity", "activity_history",
                    "substate_change_history", "assignment_history", "report_history", "webhook_history",
                    "export_history", "act_hi_actinst", "act_hi_varinst"))
                    : List.of();
            Rows r = new Rows(sql, tag, needle, first, opportunities, emailRows);
            r.email();
            r.activities(partners, internalUserId);
            r.substateChanges();
            r.assignments(partners);
            r.reports();
            r.webhooks();
            r.exports(partners);
            if (camundaActions > 0) {
                r.camunda(camundaActions);
            }
            long indexes = System.nanoTime();
            for (String definition : rebuild) {
                sql.exec(definition);
            }
            millis.put("indexes", (System.nanoTime() - indexes) / 1_000_000);
            connection.commit();
            connection.setAutoCommit(true);
            // Vacuum too: old history is all-visible in a live database (autovacuum), which lets a page's ids be
            // found by an index-only scan.
            long vacuum = System.nanoTime();
            for (String table : List.of("company", "app_user", "opportunity", "email_history", "activity",
                    "activity_history", "substate_change_history", "assignment_history", "report_history",
                    "webhook_history", "export_history", "act_hi_actinst", "act_hi_varinst")) {
                sql.exec("vacuum analyze " + table);
            }
            millis.put("vacuum analyze", (System.nanoTime() - vacuum) / 1_000_000);
            millis.put("total", (System.nanoTime() - started) / 1_000_000);
            return new Seeded(tag, needle, "zzznomatch" + randomLetters(8), first, last, needleOpportunity,
                    partners[0], partners[PARTNERS - 1], counts[0], counts[PARTNERS - 1] + 1,
                    biggestUser, smallestUser, internalUser, PASSWORD, emailRows, opportunities, camundaActions,
                    rows, millis);
        } catch (SQLException e) {
            throw new IllegalStateException("Seeding the history failed: " + e.getMessage(), e);
        }
    }

    /**
     * Deletes everything {@link #seed} made (set-based, by the seeded id range and names), so the shared database is
     * as before. Cheap at smoke sizes; at 10M rows prefer a database of its own and drop it.
     */
    public static void drop(DataSource dataSource, Seeded seeded) {
        if (REUSABLE.containsValue(seeded)) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Sql sql = new Sql(connection, new LinkedHashMap<>(), new LinkedHashMap<>());
            sql.exec("set local session_replication_role = replica");
            String range = " where opportunity_id between " + seeded.firstOpportunityId() + " and "
                    + seeded.lastOpportunityId();
            for (String table : List.of("email_history", "activity_history", "substate_change_history",
                    "assignment_history", "report_history", "webhook_history", "export_history", "activity")) {
                sql.exec("delete from " + table + range);
            }
            sql.exec("delete from opportunity where id between " + seeded.firstOpportunityId() + " and "
                    + seeded.lastOpportunityId());
            String like = "'" + seeded.tag() + "%'";
            sql.exec("delete from customer where name like " + like);
            sql.exec("delete from app_user_role where user_id in (select id from app_user where username like "
                    + like + ")");
            sql.exec("delete from app_user where username like " + like);
            sql.exec("delete from company where name like " + like);
            if (seeded.camundaActions() > 0) {
                sql.exec("delete from act_hi_varinst where id_ like " + like);
                sql.exec("delete from act_hi_actinst where id_ like " + like);
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Dropping the seeded history failed: " + e.getMessage(), e);
        }
    }

    /**
     * Opportunities per partner, biggest first: 20%, then the 198 middle ones by 1/rank of the rest, then 0.05%; every
     * partner has at least one.
     */
    static long[] partnerCounts(int opportunities) {
        long[] counts = new long[PARTNERS];
        counts[0] = Math.round(opportunities * BIGGEST_SHARE);
        counts[PARTNERS - 1] = Math.max(1, Math.round(opportunities * SMALLEST_SHARE));
        long rest = opportunities - counts[0] - counts[PARTNERS - 1];
        double harmonic = 0;
        for (int rank = 2; rank < PARTNERS; rank++) {
            harmonic += 1.0 / rank;
        }
        long given = 0;
        for (int rank = 2; rank < PARTNERS; rank++) {
            counts[rank - 1] = Math.max(1, Math.round(rest / harmonic / rank));
            given += counts[rank - 1];
        }
        counts[1] += rest - given;
        return counts;
    }

    private static long[] companies(Sql sql, String tag) throws SQLException {
        List<Long> ids = sql.longs("""
                insert into company (name, kind, email)
                select format('%s partner %s', ?, lpad(n::text, 3, '0')),
                       case when n % 2 = 1 then 'INSTALLER' else 'SELLER' end,
                       format('partner%s@%s.example', n, ?)
                from generate_series(1, ?) n
                order by n
                returning id""", tag, tag, PARTNERS);
        ids.sort(null);
        sql.rows.put("company", (long) ids.size());
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private static String user(Sql sql, String username, String passwordHash, long company, String role)
            throws SQLException {
        long id = sql.longValue("""
                insert into app_user (username, password_hash, display_name, email, company_id)
                values (?, ?, ?, ?, ?) returning id""", username, passwordHash, username, username + "@bench.example",
                company);
        sql.update("app_user_role", "insert into app_user_role (user_id, role) values (?, ?)", id, role);
        return username;
    }

    /**
     * The opportunity of ordinal k (0-based, id = first + k) belongs to the partner whose block holds
     * {@code k * PARTNER_STRIDE mod n}: blocks sized by {@link #partnerCounts}, positions scattered over all ids.
     */
    private static void opportunities(Sql sql, String tag, long first, int n, long[] partners, long[] counts,
                                      long customer, long owner) throws SQLException {
        StringBuilder thresholds = new StringBuilder();
        long start = 0;
        for (long count : counts) {
            thresholds.append(thresholds.isEmpty() ? "" : ",").append(start);
            start += count;
        }
        StringBuilder ids = new StringBuilder();
        for (long partner : partners) {
            ids.append(ids.isEmpty() ? "" : ",").append(partner);
        }
        sql.update("opportunity", """
                insert into opportunity (id, name, customer_id, street, city, postal_code, province, installer_id,
                                         seller_id, owner_id, process_instance_id, created_at)
                select ? + k,
                       format('Impianto fotovoltaico %s kW %s #%s', 3 + k % 17, (array['Milano','Torino','Roma',
                              'Napoli','Bologna','Firenze','Bari','Verona','Padova','Brescia'])[1 + k % 10], k),
                       ?, format('Via Roma %s', k % 300), 'Milano', lpad((k % 99999)::text, 5, '0'), 'MI',
                       case when p % 2 = 1 then partner end, case when p % 2 = 0 then partner end,
                       ?, format('%s-pi-%s', ?, ? + k),
                       now() - ?::interval * (1 - k::float8 / ?) - interval '1 hour'
                from (select k, width_bucket((k * ?::bigint) % ?, array[{thresholds}]::bigint[]) p
                      from generate_series(0, ? - 1) k) s,
                     lateral (select (array[{partners}]::bigint[])[s.p] partner) c"""
                        .replace("{thresholds}", thresholds).replace("{partners}", ids),
                first, customer, owner, tag, first, SPAN.toDays() + " days", n, PARTNER_STRIDE, n, n);
    }

    /** The history tabs' rows. Row j of a tab belongs to opportunity {@code first + (j * ROW_STRIDE mod n)}. */
    private record Rows(Sql sql, String tag, String needle, long first, int n, int emailRows) {

        /** Created over the span, increasing with j (1..count). */
        private String createdAt(String count) {
            return "now() - interval '" + SPAN.toDays() + " days' * (1 - j::float8 / " + count + ") - interval '1 hour'";
        }

        private String opportunity() {
            return "(" + first + " + (j * " + ROW_STRIDE + "::bigint) % " + n + ")";
        }

        private static final String STATUS = """
                case when j % 100 < 3 then 'FAILED' when j % 100 = 3 then 'RETRYING' else 'SUCCEEDED' end""";

        private static final String ERROR = """
                case when j % 100 < 3 then 'Connection refused: smtp.example.it:587' end""";

        /**
         * A bulk statement's text with {status}, {error}, {opportunity} and {createdAt} of row j (1 to
         * {@code count}) filled in.
         */
        private String fill(String sql, long count) {
            return sql.replace("{status}", STATUS).replace("{error}", ERROR).replace("{opportunity}", opportunity())
                    .replace("{createdAt}", createdAt(String.valueOf(count)));
        }

        private long needleOpportunity() {
            return first + n;
        }

        void email() throws SQLException {
            sql.update("email_history", fill("""
                    insert into email_history (execution_key, opportunity_id, process_instance_id, activity_id,
                        substate_key, substate_name, trigger, template_name, smtp_credential_name, recipient_role,
                        recipient_email, status, attempts, last_error, message_id, subject, created_at, sent_at,
                        updated_at)
                    select format('%s-email-%s', ?, j), o, format('%s-pi-%s', ?, o), 'SendEmail_' || j % 7,
                           'substate' || j % 12, 'Sottostato ' || j % 12, 'OPEN',
                           (array['welcome','follow-up-reminder','site-survey-request','site-survey-done',
                                  'documents-request','documents-received','validation-notice','offer-sent',
                                  'contract-to-sign','welcome-aboard'])[1 + j % 10],
                           (array['Platform SMTP','Sales relay','Partner relay','Backup SMTP','Legacy relay'])[1 + j % 5],
                           'CUSTOMER',
                           format('cliente%s.%s@%s', o, j % 97, (array['gmail.com','libero.it','outlook.it',
                                  'yahoo.it','tiscali.it','hotmail.com','virgilio.it'])[1 + j % 7]),
                           {status}, 1 + (j % 100 < 4)::int * 2, {error}, format('<%s.%s@flowstate>', ?, j),
                           'Il tuo impianto fotovoltaico', c, case when j % 100 >= 4 then c end, c
                    from generate_series(1, ?) j,
                         lateral (select {opportunity} o, {createdAt} c) x""", emailRows), tag, tag, tag, emailRows);
            sql.update("email_history", """
                    insert into email_history (execution_key, opportunity_id, process_instance_id, activity_id,
                        trigger, template_name, smtp_credential_name, recipient_role, recipient_email, status,
                        attempts, subject, created_at, updated_at)
                    values (?, ?, ?, 'SendEmail_needle', 'OPEN', ?, ?, 'CUSTOMER', ?, 'SUCCEEDED', 1, ?,
                            now() - interval '1 day', now())""",
                    tag + "-email-needle", needleOpportunity(), tag + "-pi-" + needleOpportunity(),
                    "template " + needle, "smtp " + needle, needle + "@needle.example", "subject " + needle);
        }

        void activities(long[] partners, long completedBy) throws SQLException {
            long firstActivity = sql.reserve("activity", n + 1);
            sql.update("activity", fill("""
                    insert into activity (id, opportunity_id, type, subject, due_date, assignee_role,
                                          assignee_company_id, completed_at, completed_by, created_at, execution_key)
                    select ? + j - 1, o.id, (array['CALL','VISIT','TECHNICAL_SURVEY','DOCUMENT_REQUEST','FOLLOW_UP'])[1 + j % 5],
                           'Chiamare il cliente ' || j, (c + interval '3 days')::date,
                           case when o.installer_id is not null then 'INSTALLER' else 'SELLER' end,
                           coalesce(o.installer_id, o.seller_id),
                           case when j % 3 = 0 then c + interval '1 day' end, case when j % 3 = 0 then ? end, c,
                           format('%s-activity-%s', ?, j)
                    from generate_series(1, ?) j
                         join opportunity o on o.id = {opportunity},
                         lateral (select {createdAt} c) x""", n),
                    firstActivity, completedBy, tag, n);
            sql.update("activity", """
                    insert into activity (id, opportunity_id, type, subject, due_date, assignee_role,
                                          assignee_company_id, created_at, execution_key)
                    values (?, ?, 'CALL', ?, current_date, 'SELLER', ?, now() - interval '1 day', ?)""",
                    firstActivity + n, needleOpportunity(), "Chiamare " + needle, partners[PARTNERS - 1],
                    tag + "-activity-needle");
            sql.update("activity_history", fill("""
                    insert into activity_history (execution_key, opportunity_id, process_instance_id, activity_id,
                        substate_key, substate_name, trigger, activity_type, subject, assignee_role, activity_ref,
                        status, attempts, last_error, created_at, updated_at)
                    select a.execution_key, a.opportunity_id, format('%s-pi-%s', ?, a.opportunity_id),
                           'CreateActivity_' || a.type, 'substate' || a.id % 12, 'Sottostato ' || a.id % 12,
                           'OPEN', a.type, a.subject, a.assignee_role, a.id, {status}, 1,
                           case when j % 100 < 3 then 'Unknown activity type' end, a.created_at, a.created_at
                    from activity a, lateral (select a.id - ? + 1 j) x
                    where a.id between ? and ?""", n),
                    tag, firstActivity, firstActivity, firstActivity + n);
        }

        void substateChanges() throws SQLException {
            sql.update("substate_change_history", fill("""
                    insert into substate_change_history (execution_key, opportunity_id, process_instance_id,
                        activity_id, substate_key, substate_name, trigger, change_type, target_substate_key,
                        target_substate_name, status, attempts, last_error, created_at, updated_at)
                    select format('%s-substate-%s', ?, j), o, format('%s-pi-%s', ?, o), 'ChangeSubstate_' || j % 9,
                           'substate' || j % 12, 'Sottostato ' || j % 12, 'OPEN',
                           case when j % 2 = 0 then 'OPEN' else 'CLOSE' end,
                           (array['documents','survey','offer','contract','validation','installation'])[1 + j % 6],
                           (array['Documenti','Sopralluogo','Offerta','Contratto','Validazione','Installazione'])
                               [1 + j % 6],
                           {status}, 1, case when j % 100 < 3 then 'Target substate not open' end, c, c
                    from generate_series(1, ?) j, lateral (select {opportunity} o, {createdAt} c) x""", n), tag, tag, n);
            sql.update("substate_change_history", """
                    insert into substate_change_history (execution_key, opportunity_id, process_instance_id,
                        activity_id, trigger, change_type, target_substate_key, target_substate_name, status,
                        attempts, created_at, updated_at)
                    values (?, ?, ?, 'ChangeSubstate_needle', 'OPEN', 'OPEN', ?, ?, 'SUCCEEDED', 1,
                            now() - interval '1 day', now())""",
                    tag + "-substate-needle", needleOpportunity(), tag + "-pi-" + needleOpportunity(),
                    needle, "Sottostato " + needle);
        }

        void assignments(long[] partners) throws SQLException {
            sql.update("assignment_history", fill("""
                    insert into assignment_history (execution_key, opportunity_id, process_instance_id, activity_id,
                        substate_key, substate_name, trigger, role, assigned_company_id, assignment_status,
                        zone_type, zone, open_opportunities, candidates, round_robin, assigned_at, status, attempts,
                        last_error, created_at, updated_at)
                    select format('%s-assignment-%s', ?, j), o.id, format('%s-pi-%s', ?, o.id),
                           'AssignPartner_' || j % 3, 'substate' || j % 12, 'Sottostato ' || j % 12, 'OPEN',
                           case when o.installer_id is not null then 'INSTALLER' else 'SELLER' end,
                           case when j % 100 >= 3 then coalesce(o.installer_id, o.seller_id) end,
                           case when j % 100 >= 3 then (array['PENDING','ACCEPTED','ACCEPTED','REJECTED'])[1 + j % 4]
                           end,
                           'PROVINCE', 'MI', j % 40, 1 + j % 5, false, c, {status}, 1,
                           case when j % 100 < 3 then 'No candidate in MI' end, c, c
                    from generate_series(1, ?) j
                         join opportunity o on o.id = {opportunity},
                         lateral (select {createdAt} c) x""", n), tag, tag, n);
            long needleCompany = sql.longValue("""
                    insert into company (name, kind, email) values (?, 'SELLER', ?) returning id""",
                    tag + " company " + needle, needle + "@company.example");
            sql.update("assignment_history", """
                    insert into assignment_history (execution_key, opportunity_id, process_instance_id, activity_id,
                        trigger, role, assigned_company_id, assignment_status, zone_type, zone, assigned_at, status,
                        attempts, created_at, updated_at)
                    values (?, ?, ?, 'AssignPartner_needle', 'OPEN', 'SELLER', ?, 'PENDING', 'PROVINCE', 'MI',
                            now() - interval '1 day', 'SUCCEEDED', 1, now() - interval '1 day', now())""",
                    tag + "-assignment-needle", needleOpportunity(), tag + "-pi-" + needleOpportunity(),
                    needleCompany);
        }

        void reports() throws SQLException {
            sql.update("report_history", fill("""
                    insert into report_history (execution_key, opportunity_id, process_instance_id, activity_id,
                        substate_key, substate_name, trigger, template_name, smtp_credential_name, recipient_role,
                        recipient_email, from_address, file_name, document_size, subject, status, attempts,
                        last_error, created_at, sent_at, updated_at)
                    select format('%s-report-%s', ?, j), o, format('%s-pi-%s', ?, o), 'SendReport_' || j % 4,
                           'substate' || j % 12, 'Sottostato ' || j % 12, 'OPEN',
                           (array['Preventivo','Sopralluogo','Contratto','Collaudo'])[1 + j % 4],
                           (array['Platform SMTP','Sales relay','Partner relay'])[1 + j % 3], 'CUSTOMER',
                           format('cliente%s@%s', o, (array['gmail.com','libero.it','outlook.it'])[1 + j % 3]),
                           'crm@platform.example', format('report-%s.docx', j), 20000 + j % 5000,
                           'Il tuo preventivo', {status}, 1, {error}, c, c, c
                    from generate_series(1, ?) j, lateral (select {opportunity} o, {createdAt} c) x""", n),
                    tag, tag, n);
            sql.update("report_history", """
                    insert into report_history (execution_key, opportunity_id, process_instance_id, activity_id,
                        trigger, template_name, smtp_credential_name, recipient_role, recipient_email, from_address,
                        file_name, status, attempts, created_at, updated_at)
                    values (?, ?, ?, 'SendReport_needle', 'OPEN', ?, ?, 'CUSTOMER', ?, ?, ?, 'SUCCEEDED', 1,
                            now() - interval '1 day', now())""",
                    tag + "-report-needle", needleOpportunity(), tag + "-pi-" + needleOpportunity(),
                    "template " + needle, "smtp " + needle, needle + "@needle.example", "from-" + needle + "@x.example",
                    needle + ".docx");
        }

        void webhooks() throws SQLException {
            sql.update("webhook_history", fill("""
                    insert into webhook_history (execution_key, opportunity_id, process_instance_id, activity_id,
                        substate_key, substate_name, trigger, url, event_name, status, attempts, last_error,
                        response_code, duration_ms, called_at, created_at, updated_at)
                    select format('%s-webhook-%s', ?, j), o, format('%s-pi-%s', ?, o), 'CallWebhook_' || j % 3,
                           'substate' || j % 12, 'Sottostato ' || j % 12, 'OPEN',
                           (array['https://erp.example.it/api/opportunities','https://sign.example.com/hooks/contract',
                                  'https://crm-sync.example.net/events'])[1 + j % 3],
                           'substate-opened', {status}, 1, case when j % 100 < 3 then 'HTTP 503' end,
                           case when j % 100 < 3 then 503 else 200 end, 20 + j % 200, c, c, c
                    from generate_series(1, ?) j, lateral (select {opportunity} o, {createdAt} c) x""", n),
                    tag, tag, n);
            sql.update("webhook_history", """
                    insert into webhook_history (execution_key, opportunity_id, process_instance_id, activity_id,
                        trigger, url, status, attempts, response_code, created_at, updated_at)
                    values (?, ?, ?, 'CallWebhook_needle', 'OPEN', ?, 'SUCCEEDED', 1, 200,
                            now() - interval '1 day', now())""",
                    tag + "-webhook-needle", needleOpportunity(), tag + "-pi-" + needleOpportunity(),
                    "https://" + needle + ".example/hook");
        }

        void exports(long[] partners) throws SQLException {
            sql.update("export_history", fill("""
                    insert into export_history (execution_key, opportunity_id, process_instance_id, activity_id,
                        substate_key, substate_name, trigger, template_name, export_type, extension, recipient,
                        recipient_email, smtp_credential_name, scope_company_id, row_count, file_size, file_name,
                        delivery, status, attempts, last_error, created_at, sent_at, updated_at)
                    select format('%s-export-%s', ?, j), o.id, format('%s-pi-%s', ?, o.id), 'RunExport_' || j % 3,
                           'substate' || j % 12, 'Sottostato ' || j % 12, 'OPEN',
                           (array['Opportunità aperte','Attività della settimana','Storico e-mail'])[1 + j % 3],
                           (array['OPPORTUNITIES','ACTIVITIES','EMAIL_HISTORY'])[1 + j % 3],
                           case when j % 2 = 0 then 'CSV' else 'XLSX' end, 'INSTALLER',
                           format('partner%s@example.it', coalesce(o.installer_id, o.seller_id)), 'Platform SMTP',
                           coalesce(o.installer_id, o.seller_id), 100 + j % 1000, 5000 + j % 100000,
                           format('export-%s.xlsx', j), 'ATTACHED', {status}, 1, {error}, c, c, c
                    from generate_series(1, ?) j
                         join opportunity o on o.id = {opportunity},
                         lateral (select {createdAt} c) x""", n), tag, tag, n);
            sql.update("export_history", """
                    insert into export_history (execution_key, opportunity_id, process_instance_id, activity_id,
                        trigger, template_name, export_type, extension, recipient, recipient_email,
                        smtp_credential_name, scope_company_id, status, attempts, created_at, updated_at)
                    values (?, ?, ?, 'RunExport_needle', 'OPEN', ?, 'OPPORTUNITIES', 'CSV', 'SELLER', ?,
                            'Platform SMTP', ?, 'SUCCEEDED', 1, now() - interval '1 day', now())""",
                    tag + "-export-needle", needleOpportunity(), tag + "-pi-" + needleOpportunity(),
                    "template " + needle, needle + "@needle.example", partners[PARTNERS - 1]);
        }

        /**
         * Camunda's history of the same send-e-mail actions, as the engine's history level "full" writes it: an
         * activity instance of the service task per action, and its local variables recipient and status.
         */
        void camunda(int actions) throws SQLException {
            sql.update("act_hi_actinst", fill("""
                    insert into act_hi_actinst (id_, parent_act_inst_id_, proc_def_key_, proc_def_id_,
                        root_proc_inst_id_, proc_inst_id_, execution_id_, act_id_, act_name_, act_type_,
                        start_time_, end_time_, duration_, act_inst_state_, sequence_counter_)
                    select format('%s-ai-%s', ?, j), format('%s-pi-%s', ?, o), 'benchFlow', 'benchFlow:1:bench',
                           format('%s-pi-%s', ?, o), format('%s-pi-%s', ?, o), format('%s-ex-%s', ?, j),
                           'SendEmail_' || j % 7, 'Send e-mail', 'serviceTask', c, c + interval '1 second', 1000,
                           1, j
                    from generate_series(1, ?) j, lateral (select {opportunity} o, {createdAt} c) x""", actions),
                    tag, tag, tag, tag, tag, actions);
            sql.update("act_hi_varinst", fill("""
                    insert into act_hi_varinst (id_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,
                        execution_id_, act_inst_id_, name_, var_type_, create_time_, rev_, text_, state_)
                    select format('%s-v%s-%s', ?, v.name, j), 'benchFlow', 'benchFlow:1:bench',
                           format('%s-pi-%s', ?, o), format('%s-pi-%s', ?, o), format('%s-ex-%s', ?, j),
                           format('%s-ai-%s', ?, j), v.name, 'string', c, 1,
                           case when v.name = 'recipient'
                                then format('cliente%s.%s@%s', o, j % 97, (array['gmail.com','libero.it',
                                     'outlook.it','yahoo.it','tiscali.it','hotmail.com','virgilio.it'])[1 + j % 7])
                                else {status} end,
                           'CREATED'
                    from generate_series(1, ?) j, lateral (select {opportunity} o, {createdAt} c) x,
                         (values ('recipient'), ('status')) v(name)""", actions),
                    tag, tag, tag, tag, tag, actions);
        }
    }

    /** A connection with the seeder's bookkeeping: rows and milliseconds per table. */
    private record Sql(Connection connection, Map<String, Long> rows, Map<String, Long> millis) {

        void exec(String sql) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }

        long update(String table, String sql, Object... params) throws SQLException {
            long started = System.nanoTime();
            try (PreparedStatement statement = prepare(sql, params)) {
                long count = statement.executeLargeUpdate();
                rows.merge(table, count, Long::sum);
                millis.merge(table, (System.nanoTime() - started) / 1_000_000, Long::sum);
                return count;
            }
        }

        long longValue(String sql, Object... params) throws SQLException {
            return longs(sql, params).get(0);
        }

        List<Long> longs(String sql, Object... params) throws SQLException {
            try (PreparedStatement statement = prepare(sql, params); ResultSet rs = statement.executeQuery()) {
                List<Long> values = new ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getLong(1));
                }
                return values;
            }
        }

        /**
         * Reserves {@code count} consecutive ids of a table's sequence and returns the first: the table is locked
         * against inserts until commit, so no other session takes an id of the block.
         */
        long reserve(String table, long count) throws SQLException {
            exec("lock table " + table + " in share row exclusive mode");
            long first = longValue("select nextval(pg_get_serial_sequence(?, 'id'))", table);
            longValue("select setval(pg_get_serial_sequence(?, 'id'), ?)", table, first + count - 1);
            return first;
        }

        /**
         * Drops the indexes of the tables that no constraint owns and returns the statements that build them again.
         */
        List<String> dropIndexes(List<String> tables) throws SQLException {
            List<String> definitions = new ArrayList<>();
            List<String> names = new ArrayList<>();
            try (PreparedStatement statement = prepare("""
                    select i.indexname, i.indexdef from pg_indexes i
                    where i.schemaname = current_schema() and i.tablename = any(?)
                      and not exists (select 1 from pg_constraint c
                                      where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)""",
                    connection.createArrayOf("text", tables.toArray()));
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    definitions.add(rs.getString(2));
                }
            }
            for (String name : names) {
                exec("drop index " + name);
            }
            return definitions;
        }

        private PreparedStatement prepare(String sql, Object... params) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement;
        }
    }

    private static String randomLetters(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }
}
