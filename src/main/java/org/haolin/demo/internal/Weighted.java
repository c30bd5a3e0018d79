package org.haolin.demo.internal;

import java.util.List;
import java.util.SplittableRandom;

/** A choice among values with integer weights, drawn with the generator's own random source. */
record Weighted<T>(List<T> values, int[] cumulative) {

    static <T> Weighted<T> of(List<T> values, int... weights) {
        if (values.size() != weights.length) {
            throw new IllegalArgumentException("one weight per value");
        }
        int[] cumulative = new int[weights.length];
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        return new Weighted<>(List.copyOf(values), cumulative);
    }

    /** Values written as "value:weight" pairs separated by spaces, e.g. "张:9 王:7". */
    static Weighted<String> parse(String pairs) {
        String[] items = pairs.trim().split("\\s+");
        List<String> values = new java.util.ArrayList<>();
        int[] weights = new int[items.length];
        for (int i = 0; i < items.length; i++) {
            String[] kv = items[i].split(":");
            values.add(kv[0]);
            weights[i] = kv.length > 1 ? Integer.parseInt(kv[1]) : 1;
        }
        return of(values, weights);
    }

    T draw(SplittableRandom rng) {
        int pick = rng.nextInt(cumulative[cumulative.length - 1]);
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] > pick) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return values.get(low);
    }
}
