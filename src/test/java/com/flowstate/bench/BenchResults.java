package com.flowstate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The results of the benchmark suite: each scenario records its figures and parameters here, and the whole run is
 * written as {@code results.json} and {@code results.md} in {@code bench.dir} (the build directory's {@code bench}).
 * A scenario recorded again replaces its earlier figures, so one file holds the latest figure of every scenario run
 * into this build directory. Every figure is also printed, so a smoke run in {@code ./mvnw verify} shows its numbers.
 */
public final class BenchResults {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchResults() {
    }

    /** Whether this run is the full one ({@code -Pbench}) rather than the smoke run inside {@code ./mvnw verify}. */
    public static boolean full() {
        return Boolean.getBoolean("bench.full");
    }

    /** A size: the full one under {@code -Pbench}, the smoke one otherwise; {@code -D<property>=n} overrides both. */
    public static int size(String property, int smoke, int full) {
        return Integer.getInteger(property, full() ? full : smoke);
    }

    public static Path directory() {
        return Path.of(System.getProperty("bench.dir", "target/bench"));
    }

    /** Records one scenario's figures (replacing that scenario's earlier ones) and rewrites results.json and .md. */
    public static synchronized void record(String scenario, Map<String, Object> parameters,
                                           List<BenchFigure> figures) {
        figures.forEach(figure -> System.out.println("[bench] " + line(figure)));
        try {
            Files.createDirectories(directory());
            Path json = directory().resolve("results.json");
            Map<String, Object> run = Files.exists(json)
                    ? JSON.readValue(json.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { })
                    : new LinkedHashMap<>();
            run.put("machine", machine());
            @SuppressWarnings("unchecked")
            Map<String, Object> scenarios = (Map<String, Object>) run.computeIfAbsent("scenarios",
                    key -> new LinkedHashMap<String, Object>());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("date", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
            entry.put("mode", full() ? "full" : "smoke");
            entry.put("parameters", parameters);
            entry.put("figures", figures.stream().map(BenchResults::asMap).toList());
            scenarios.put(scenario, entry);
            JSON.writeValue(json.toFile(), run);
            Files.writeString(directory().resolve("results.md"), markdown(run), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", cpuModel());
        machine.put("memoryGiB", Math.round(physicalMemory() / (1024.0 * 1024 * 1024)));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        return machine;
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException | UncheckedIOException e) {
            return "unknown";
        }
    }

    private static Map<String, Object> asMap(BenchFigure figure) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("measure", figure.measure());
        map.put("value", figure.value());
        map.put("unit", figure.unit());
        map.put("baselineName", figure.baselineName());
        map.put("baseline", figure.baseline());
        map.put("ratio", figure.ratio());
        map.put("higherIsBetter", figure.higherIsBetter());
        map.put("target", figure.target());
        map.put("ratioTarget", figure.ratioTarget());
        map.put("pass", figure.passes());
        return map;
    }

    @SuppressWarnings("unchecked")
    private static String markdown(Map<String, Object> run) {
        StringBuilder md = new StringBuilder("# Benchmark results\n\n");
        Map<String, Object> machine = (Map<String, Object>) run.get("machine");
        md.append("Machine: ").append(machine.get("cores")).append(" cores, ").append(machine.get("cpu"))
                .append(", ").append(machine.get("memoryGiB")).append(" GiB, ").append(machine.get("java"))
                .append(", ").append(machine.get("os")).append("\n\n");
        md.append("| scenario | date | mode | measure | figure | baseline | ratio | target | pass |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        List<String> parameters = new ArrayList<>();
        ((Map<String, Object>) run.get("scenarios")).forEach((scenario, value) -> {
            Map<String, Object> entry = (Map<String, Object>) value;
            parameters.add("- **" + scenario + "** (" + entry.get("mode") + "): " + entry.get("parameters"));
            for (Map<String, Object> figure : (List<Map<String, Object>>) entry.get("figures")) {
                md.append("| ").append(scenario).append(" | ").append(entry.get("date")).append(" | ")
                        .append(entry.get("mode")).append(" | ").append(figure.get("measure")).append(" | ")
                        .append(number(figure.get("value"))).append(' ').append(figure.get("unit")).append(" | ")
                        .append(figure.get("baseline") == null ? "–"
                                : number(figure.get("baseline")) + " (" + figure.get("baselineName") + ")")
                        .append(" | ").append(figure.get("ratio") == null ? "–" : number(figure.get("ratio")) + "×")
                        .append(" | ").append(target(figure)).append(" | ")
                        .append(figure.get("target") == null && figure.get("ratioTarget") == null ? "–"
                                : Boolean.TRUE.equals(figure.get("pass")) ? "pass" : "**FAIL**").append(" |\n");
            }
        });
        md.append("\nParameters:\n\n");
        parameters.forEach(line -> md.append(line).append('\n'));
        return md.toString();
    }

    private static String target(Map<String, Object> figure) {
        List<String> parts = new ArrayList<>();
        boolean higher = Boolean.TRUE.equals(figure.get("higherIsBetter"));
        if (figure.get("target") != null) {
            parts.add((higher ? "≥ " : "≤ ") + number(figure.get("target")) + " " + figure.get("unit"));
        }
        if (figure.get("ratioTarget") != null) {
            parts.add("ratio ≥ " + number(figure.get("ratioTarget")));
        }
        return parts.isEmpty() ? "–" : String.join(", ", parts);
    }

    private static String number(Object value) {
        double number = ((Number) value).doubleValue();
        if (Math.abs(number) >= 100 || number == Math.rint(number)) {
            return String.format(Locale.ROOT, "%,.0f", number);
        }
        return String.format(Locale.ROOT, "%.2f", number);
    }

    private static String line(BenchFigure figure) {
        return figure.scenario() + " | " + figure.measure() + " = " + number(figure.value()) + " " + figure.unit()
                + (figure.baseline() == null ? "" : " vs " + number(figure.baseline()) + " (" + figure.baselineName()
                + (figure.ratio() == null ? ")" : "), ratio " + number(figure.ratio())))
                + (figure.target() == null && figure.ratioTarget() == null ? ""
                : figure.passes() ? " [meets target]" : " [MISSES target]");
    }
}
