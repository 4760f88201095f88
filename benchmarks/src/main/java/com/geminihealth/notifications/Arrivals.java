package com.geminihealth.notifications;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntPredicate;

/**
 * When each event was handed to the producer and when each of its messages first reached
 * its provider (0 until it did), and how many times each did: a message that reached its
 * provider twice was sent twice.
 */
final class Arrivals {

	private final AtomicLongArray publishedNanos;

	private final AtomicLongArray publishedMillis;

	private final AtomicLongArray smsNanos;

	private final AtomicLongArray smsMillis;

	private final AtomicLongArray emailMillis;

	private final AtomicIntegerArray smsCount;

	private final AtomicIntegerArray emailCount;

	Arrivals(int total) {
		this.publishedNanos = new AtomicLongArray(total);
		this.publishedMillis = new AtomicLongArray(total);
		this.smsNanos = new AtomicLongArray(total);
		this.smsMillis = new AtomicLongArray(total);
		this.emailMillis = new AtomicLongArray(total);
		this.smsCount = new AtomicIntegerArray(total);
		this.emailCount = new AtomicIntegerArray(total);
	}

	void published(int seq) {
		this.publishedMillis.set(seq, System.currentTimeMillis());
		this.publishedNanos.set(seq, System.nanoTime());
	}

	void sms(int seq, long nanos, long millis) {
		if (seq >= 0 && seq < this.smsNanos.length()) {
			this.smsNanos.compareAndSet(seq, 0, nanos);
			this.smsMillis.compareAndSet(seq, 0, millis);
			this.smsCount.incrementAndGet(seq);
		}
	}

	void email(int seq, long millis) {
		if (seq >= 0 && seq < this.emailMillis.length()) {
			this.emailMillis.compareAndSet(seq, 0, millis);
			this.emailCount.incrementAndGet(seq);
		}
	}

	long missingSms(int from, int count) {
		return count(from, count, (i) -> this.smsNanos.get(i) == 0);
	}

	long missingEmail(int from, int count) {
		return count(from, count, (i) -> this.emailMillis.get(i) == 0);
	}

	/**
	 * Emails of events {@code from} to {@code from + count} that arrived more than once.
	 */
	long duplicateEmails(int from, int count) {
		return count(from, count, (i) -> this.emailCount.get(i) > 1);
	}

	long duplicateSms(int from, int count) {
		return count(from, count, (i) -> this.smsCount.get(i) > 1);
	}

	long firstPublishMillis(int from) {
		return this.publishedMillis.get(from);
	}

	long firstProviderMillis(int from, int count) {
		return Math.min(extreme(this.smsMillis, from, count, true), extreme(this.emailMillis, from, count, true));
	}

	long lastProviderMillis(int from, int count) {
		return Math.max(extreme(this.smsMillis, from, count, false), extreme(this.emailMillis, from, count, false));
	}

	long firstSmsNanos(int from, int count) {
		return extreme(this.smsNanos, from, count, true);
	}

	long lastSmsNanos(int from, int count) {
		return extreme(this.smsNanos, from, count, false);
	}

	long firstEmailMillis(int from, int count) {
		return extreme(this.emailMillis, from, count, true);
	}

	long lastEmailMillis(int from, int count) {
		return extreme(this.emailMillis, from, count, false);
	}

	long[] smsLatencyNanos(int from, int count) {
		return latencies(this.publishedNanos, this.smsNanos, from, count);
	}

	long[] emailLatencyMillis(int from, int count) {
		return latencies(this.publishedMillis, this.emailMillis, from, count);
	}

	/** Arrival minus publication for each event, on one clock, sorted. */
	private static long[] latencies(AtomicLongArray published, AtomicLongArray arrived, int from, int count) {
		long[] latencies = new long[count];
		for (int i = 0; i < count; i++) {
			latencies[i] = arrived.get(from + i) - published.get(from + i);
		}
		Arrays.sort(latencies);
		return latencies;
	}

	private static long extreme(AtomicLongArray values, int from, int count, boolean min) {
		long result = min ? Long.MAX_VALUE : Long.MIN_VALUE;
		for (int i = from; i < from + count; i++) {
			result = min ? Math.min(result, values.get(i)) : Math.max(result, values.get(i));
		}
		return result;
	}

	private static long count(int from, int count, IntPredicate predicate) {
		long n = 0;
		for (int i = from; i < from + count; i++) {
			if (predicate.test(i)) {
				n++;
			}
		}
		return n;
	}

}
