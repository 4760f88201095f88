package com.geminihealth.benchmarks;

/**
 * Counts latencies in nanoseconds in log-linear buckets: exact below 256 ns, then 128
 * buckets per power of two, so any percentile it reports is within 1% of the true value
 * (it reports the upper edge of the bucket, never more than the exact maximum). Fixed
 * size whatever the number of samples. Not thread-safe: give each recording thread its
 * own and {@link #add} them up afterwards.
 */
final class LatencyHistogram {

	private static final int SUB_BUCKET_BITS = 7;

	private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;

	private static final int EXACT = SUB_BUCKETS * 2;

	/** Enough buckets for any positive long. */
	private static final int BUCKETS = bucketOf(Long.MAX_VALUE) + 1;

	private final long[] counts = new long[BUCKETS];

	private long count;

	private long sum;

	private long max;

	void record(long nanos) {
		long value = Math.max(0, nanos);
		this.counts[bucketOf(value)]++;
		this.count++;
		this.sum += value;
		this.max = Math.max(this.max, value);
	}

	void add(LatencyHistogram other) {
		for (int i = 0; i < BUCKETS; i++) {
			this.counts[i] += other.counts[i];
		}
		this.count += other.count;
		this.sum += other.sum;
		this.max = Math.max(this.max, other.max);
	}

	long count() {
		return this.count;
	}

	long maxNanos() {
		return this.max;
	}

	double meanNanos() {
		return (this.count != 0) ? (double) this.sum / this.count : 0;
	}

	/**
	 * The smallest recorded value that {@code percentile} percent of the samples do not
	 * exceed, to bucket precision; 0 when empty.
	 */
	long percentileNanos(double percentile) {
		if (this.count == 0) {
			return 0;
		}
		long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * this.count));
		long seen = 0;
		for (int i = 0; i < BUCKETS; i++) {
			seen += this.counts[i];
			if (seen >= rank) {
				return Math.min(upperEdge(i), this.max);
			}
		}
		return this.max;
	}

	static int bucketOf(long value) {
		if (value < EXACT) {
			return (int) value;
		}
		int shift = (63 - Long.numberOfLeadingZeros(value)) - SUB_BUCKET_BITS;
		// value >>> shift is in [SUB_BUCKETS, 2 * SUB_BUCKETS)
		return shift * SUB_BUCKETS + (int) (value >>> shift);
	}

	static long upperEdge(int bucket) {
		if (bucket < EXACT) {
			return bucket;
		}
		int shift = bucket / SUB_BUCKETS - 1;
		long mantissa = bucket - (long) shift * SUB_BUCKETS;
		return ((mantissa + 1) << shift) - 1;
	}

}
