package cn.finance.disclosure.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles of samples (nearest rank) and min/median/max of repeated runs. */
final class Stats {

    private Stats() {
    }

    static double percentile(List<Double> samples, double p) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    record Spread(double min, double median, double max) {
        static Spread of(List<Double> runs) {
            List<Double> sorted = new ArrayList<>(runs);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return new Spread(Double.NaN, Double.NaN, Double.NaN);
            }
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            return new Spread(sorted.get(0), median, sorted.get(n - 1));
        }

        String format(String pattern) {
            if (min == max) {
                return String.format(pattern, median);
            }
            return String.format(pattern + " (" + pattern + "–" + pattern + ")", median, min, max);
        }
    }
}
