package com.flowstate.history;

/**
 * A count that stops at {@link #CAP}: a badge ("N failed", "Retry N rows?") needs "how many, up to a point", and
 * counting every row of a 10M-row history on each view would cost seconds. A query counts at most {@code CAP + 1}
 * rows ({@code select count(*) from (select 1 … limit CAP + 1)}); more than {@code CAP} is shown as "10,000+"
 * (decision 0027).
 *
 * @param value  the count, at most {@link #CAP}
 * @param capped true when there are more than {@code value} rows
 */
public record CappedCount(long value, boolean capped) {

    /** Where counting stops. */
    public static final int CAP = 10_000;

    public CappedCount {
        if (value < 0 || value > CAP) {
            throw new IllegalArgumentException("A capped count is 0 to " + CAP + ", not " + value);
        }
    }

    /** From the result of a count limited to {@code CAP + 1} rows. */
    public static CappedCount of(long counted) {
        return counted > CAP ? new CappedCount(CAP, true) : new CappedCount(counted, false);
    }

    /** The SQL that counts the rows of {@code select} up to one past the cap (bind nothing more). */
    public static String sql(String select) {
        return "select count(*) from (" + select + " limit " + (CAP + 1) + ") capped";
    }
}
