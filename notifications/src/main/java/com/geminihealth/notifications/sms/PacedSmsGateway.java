package com.geminihealth.notifications.sms;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.geminihealth.schemas.notification.NotificationId;

/**
 * Keeps a sender within its rate (a long code may send one text a second): each send
 * takes the next free moment, and waits for it, so texts queued together leave evenly
 * spaced instead of being refused by the carrier.
 */
final class PacedSmsGateway implements SmsGateway {

	private final SmsGateway gateway;

	private final long intervalNanos;

	private long nextFree = System.nanoTime();

	PacedSmsGateway(SmsGateway gateway, double messagesPerSecond) {
		this.gateway = gateway;
		this.intervalNanos = (long) (Duration.ofSeconds(1).toNanos() / messagesPerSecond);
	}

	@Override
	public String send(Sms sms, NotificationId id) {
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
		return this.gateway.send(sms, id);
	}

	private synchronized long reserve() {
		long slot = Math.max(this.nextFree, System.nanoTime());
		this.nextFree = slot + this.intervalNanos;
		return slot;
	}

}
