package com.flowstate.support;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Addresses no other test uses, so zones one test configures never make another test's companies candidates: a real
 * province (opportunities are refused elsewhere) whose postal codes no other province has, never MI or CT, where the
 * other tests' opportunities are, nor the big cities, and postal codes of the province's block {@code PP99N}. Zones of
 * tests use the province, the 4-digit prefix {@code PP99} or a full postal code of it, never a shorter prefix that
 * would reach other blocks; {@code PP98N} is the province's too, outside the prefix.
 */
public final class AssignmentZones {

    /** Provinces with a two-digit postal block of their own (V17__provinces.sql), and that block. */
    private static final List<String> PROVINCES = List.of("AG92", "AL15", "AN60", "AO11", "AQ67", "AR52", "AT14",
            "AV83", "BN82", "BR72", "BS25", "BZ39", "CE81", "CH66", "CL93", "CO22", "CS87", "EN94", "FE44", "FR03",
            "GR58", "LE73", "LI57", "LT04", "LU55", "MC62", "ME98", "MN46", "MO41", "MS54", "MT75", "PC29", "PD35",
            "PE65", "PG06", "PI56", "PO59", "PR43", "PT51", "PV27", "PZ85", "RA48", "RE42", "RG97", "RI02", "RO45",
            "SA84", "SI53", "SP19", "SR96", "TA74", "TE64", "TN38", "TP91", "TR05", "TV31", "VA21", "VI36", "VR37",
            "VT01");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private AssignmentZones() {
    }

    /** An area of its own: a province and a 4-digit postal-code prefix of it. */
    public record Zone(String province, String prefix) {

        /** A postal code of the block, e.g. {@code 92991} for digit 1. */
        public String postalCode(int lastDigit) {
            return prefix + lastDigit;
        }

        /** A postal code of the province outside the block, e.g. {@code 92981} for digit 1. */
        public String outsideThePrefix(int lastDigit) {
            return prefix.substring(0, 2) + "98" + lastDigit;
        }
    }

    public static Zone next() {
        int n = SEQUENCE.getAndIncrement();
        if (n >= PROVINCES.size()) {
            throw new IllegalStateException("Out of test provinces");
        }
        String province = PROVINCES.get(n);
        return new Zone(province.substring(0, 2), province.substring(2) + "99");
    }
}
