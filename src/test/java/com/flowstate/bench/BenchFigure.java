package com.flowstate.bench;

/**
 * One figure of a benchmark run, beside the baseline measured in the same run.
 *
 * @param scenario       the scenario it belongs to ("1 Action throughput", …): one row group in the results table
 * @param measure        what was measured ("drain, actions/s", "E-mail tab, no filter, p95")
 * @param value          the figure
 * @param unit           its unit ("actions/s", "ms", "s", "MB")
 * @param baselineName   what the baseline is ("bare Camunda, no-op delegates"); null when the target has no ratio
 * @param baseline       the baseline's figure in the same unit, measured in the same run; null when none
 * @param higherIsBetter throughput-like (value / baseline is the ratio) or time-like (baseline / value is the ratio)
 * @param target         the absolute target (≥ when higherIsBetter, ≤ otherwise); null when none
 * @param ratioTarget    the least acceptable ratio against the baseline; null when none
 */
public record BenchFigure(String scenario, String measure, double value, String unit, String baselineName,
                          Double baseline, boolean higherIsBetter, Double target, Double ratioTarget) {

    public static BenchFigure higherIsBetter(String scenario, String measure, double value, String unit) {
        return new BenchFigure(scenario, measure, value, unit, null, null, true, null, null);
    }

    public static BenchFigure lowerIsBetter(String scenario, String measure, double value, String unit) {
        return new BenchFigure(scenario, measure, value, unit, null, null, false, null, null);
    }

    public BenchFigure against(String name, double baselineValue) {
        return new BenchFigure(scenario, measure, value, unit, name, baselineValue, higherIsBetter, target,
                ratioTarget);
    }

    public BenchFigure target(double absolute) {
        return new BenchFigure(scenario, measure, value, unit, baselineName, baseline, higherIsBetter, absolute,
                ratioTarget);
    }

    public BenchFigure ratioTarget(double least) {
        return new BenchFigure(scenario, measure, value, unit, baselineName, baseline, higherIsBetter, target, least);
    }

    /** How many times better than the baseline (over 1 = better); null without a baseline. */
    public Double ratio() {
        if (baseline == null || baseline == 0 || value == 0) {
            return null;
        }
        return higherIsBetter ? value / baseline : baseline / value;
    }

    public boolean meetsTarget() {
        return target == null || (higherIsBetter ? value >= target : value <= target);
    }

    public boolean meetsRatio() {
        Double ratio = ratio();
        return ratioTarget == null || (ratio != null && ratio >= ratioTarget);
    }

    public boolean passes() {
        return meetsTarget() && meetsRatio();
    }
}
