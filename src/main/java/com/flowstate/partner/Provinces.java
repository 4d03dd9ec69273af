package com.flowstate.partner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Italy's provinces and the postal codes each may have (V17__provinces.sql; how exact the ranges are:
 * docs/decisions/0019-provinces-and-postal-codes.md). An address is refused only when its province is none of them or
 * its postal code cannot be one of the province's: coarse ranges, since a false refusal would turn a customer away.
 * The table is read once (about 120 rows) and never changes while the app runs.
 */
@Component
public class Provinces {

    private final JdbcClient jdbc;
    private volatile Map<String, List<Range>> ranges;

    Provinces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the code (any case, around spaces) is a province's, current or still found in data. */
    public boolean exists(String province) {
        return ranges().containsKey(normalised(province));
    }

    /** Whether a 5-digit postal code can be one of the province's; false for an unknown province. */
    public boolean hasPostalCode(String province, String postalCode) {
        String code = postalCode == null ? "" : postalCode.strip();
        return code.matches("\\d{5}") && ranges().getOrDefault(normalised(province), List.of()).stream()
                .anyMatch(range -> range.contains(code));
    }

    /**
     * Refuses a province that is none of Italy's, and a postal code that cannot be one of the province's (a
     * malformed one is left to the caller's own validation).
     *
     * @throws IllegalArgumentException starting with the field it names, {@code province} or {@code postalCode}
     */
    public void requireAddress(String province, String postalCode) {
        if (!exists(province)) {
            throw new IllegalArgumentException("province: '" + printable(province) + "' is not an Italian province");
        }
        if (postalCode != null && postalCode.strip().matches("\\d{5}") && !hasPostalCode(province, postalCode)) {
            throw new IllegalArgumentException("postalCode: " + postalCode.strip() + " is not a postal code of province "
                    + normalised(province));
        }
    }

    /** The code as stored: upper case, no spaces around. */
    public static String normalised(String province) {
        return province == null ? "" : province.strip().toUpperCase(Locale.ROOT);
    }

    private static String printable(String text) {
        String shown = text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 20 ? shown.substring(0, 20) + "…" : shown;
    }

    private Map<String, List<Range>> ranges() {
        Map<String, List<Range>> loaded = ranges;
        if (loaded == null) {
            Map<String, List<Range>> byProvince = new HashMap<>();
            jdbc.sql("select p.code, r.cap_from, r.cap_to from province p join province_postal_code r "
                            + "on r.province = p.code")
                    .query((rs, n) -> byProvince.computeIfAbsent(rs.getString("code"), code -> new ArrayList<>())
                            .add(new Range(rs.getString("cap_from"), rs.getString("cap_to"))))
                    .list();
            byProvince.replaceAll((code, list) -> List.copyOf(list));
            loaded = Map.copyOf(byProvince);
            ranges = loaded;
        }
        return loaded;
    }

    /** Postal codes from {@code from} to {@code to}, both included (five digits compare as text). */
    private record Range(String from, String to) {

        boolean contains(String postalCode) {
            return postalCode.compareTo(from) >= 0 && postalCode.compareTo(to) <= 0;
        }
    }
}
