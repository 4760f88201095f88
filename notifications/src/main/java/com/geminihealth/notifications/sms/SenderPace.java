package com.geminihealth.notifications.sms;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * Keeps a sender within its rate (a long code may send one text a second): each text
 * takes the next free moment and waits for it, so texts queued together leave evenly
 * spaced instead of being refused by the carrier. The rate is this instance's share of
 * the sender's, read afresh for each text, so it follows the partitions the instance
 * owns.
 */
final class SenderPace {

	private final DoubleSupplier messagesPerSecond;

	private long nextFree = System.nanoTime();

	SenderPace(DoubleSupplier messagesPerSecond) {
		this.messagesPerSecond = messagesPerSecond;
	}

	/** Waits for this text's moment. */
	void await() {
		long wait = reserve() - System.nanoTime();
		if (wait > 0) {
			try {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting for the sender's rate", ex);
			}
		}
	}

	private synchronized long reserve() {
		double rate = this.messagesPerSecond.getAsDouble();
		long interval = (rate > 0) ? (long) (Duration.ofSeconds(1).toNanos() / rate) : 0;
		long slot = Math.max(this.nextFree, System.nanoTime());
		this.nextFree = slot + interval;
		return slot;
	}

}
