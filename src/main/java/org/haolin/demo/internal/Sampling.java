package org.haolin.demo.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Random picks without repetition, reproducible from the generator's random source. */
final class Sampling {

    private Sampling() {
    }

    /** {@code count} distinct indices out of {@code size} (all of them when count exceeds size), ascending. */
    static int[] pick(SplittableRandom rng, int size, int count) {
        int[] indices = new int[size];
        Arrays.setAll(indices, i -> i);
        int n = Math.min(count, size);
        for (int i = 0; i < n; i++) {
            int j = i + rng.nextInt(size - i);
            int swap = indices[i];
            indices[i] = indices[j];
            indices[j] = swap;
        }
        int[] picked = Arrays.copyOf(indices, n);
        Arrays.sort(picked);
        return picked;
    }
}
