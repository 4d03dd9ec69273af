package com.flowstate.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Addresses no other test uses, so zones one test configures never make another test's companies candidates: a
 * province code from QA to ZZ (the other tests' opportunities are in MI) and a block of postal codes 9NNN0–9NNN9
 * (theirs are 20121). Zones of tests use the province, the block's 4-digit prefix or a full postal code of the block,
 * never a shorter prefix that would reach other blocks.
 */
public final class AssignmentZones {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private AssignmentZones() {
    }

    /** An area of its own: a province and a 4-digit postal-code prefix. */
    public record Zone(String province, String prefix) {

        /** A postal code of the block, e.g. {@code 90071} for digit 1. */
        public String postalCode(int lastDigit) {
            return prefix + lastDigit;
        }
    }

    public static Zone next() {
        int n = SEQUENCE.getAndIncrement();
        if (n >= 260) {
            throw new IllegalStateException("Out of test provinces");
        }
        String province = "" + (char) ('Q' + n / 26) + (char) ('A' + n % 26);
        return new Zone(province, "9" + String.format("%03d", n));
    }
}
