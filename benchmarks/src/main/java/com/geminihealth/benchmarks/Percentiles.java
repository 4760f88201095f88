package com.geminihealth.benchmarks;

/** Percentiles of samples sorted ascending, by the nearest-rank method. */
public final class Percentiles {

	private Percentiles() {
	}

	/**
	 * The smallest sample that {@code percentile} percent of them do not exceed; 0 for
	 * none.
	 */
	public static long of(long[] sorted, double percentile) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.max(1, Math.ceil(percentile / 100.0 * sorted.length));
		return sorted[rank - 1];
	}

}
