package com.geminihealth.notifications.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * A trial for the year benchmark, not a change to the service: the notifications
 * service's per-send catch-up ({@link CurrentTables}) coalesced across its sending
 * threads, group-commit style. A thread that needs the tables current waits for the next
 * catch-up to <em>start</em> after it arrived (one ListOffsets request, then the tables
 * read up to those ends), so what was acknowledged before its send began is still seen;
 * every thread that arrives while one catch-up runs shares the next: one request per
 * round trip instead of one per message.
 * <p>
 * The year benchmark adds this class to the applications' sources with
 * {@code -Dbench.coalesced-catch-up=true}; only in the notifications service's context
 * does it apply, and there it replaces the service's own bean by name. It lives in the
 * service's package only because {@link CurrentTables} is package-private, and is
 * deliberately not a {@code @Configuration}: the service's component scan covers this
 * package, and would otherwise pick it up in every benchmark that starts the service.
 */
@ConditionalOnProperty(name = "spring.application.name", havingValue = "notifications")
public class CoalescedCatchUp {

	@Bean
	CurrentTables currentTables(NotificationLedger ledger, OptOuts optOuts, RecentOptOuts recentOptOuts,
			AppointmentStates appointments, KafkaAdmin kafkaAdmin) {
		return new Coalesced(ledger, optOuts, recentOptOuts, appointments, kafkaAdmin);
	}

	static final class Coalesced extends CurrentTables {

		private final ReentrantLock lock = new ReentrantLock();

		private final Condition ended = this.lock.newCondition();

		/** Catch-ups started and ended so far; they run one at a time, in order. */
		private long startedCount;

		private long endedCount;

		private boolean running;

		/** The failure of each catch-up that failed, by number. */
		private final Map<Long, RuntimeException> failures = new ConcurrentHashMap<>();

		Coalesced(NotificationLedger ledger, OptOuts optOuts, RecentOptOuts recentOptOuts,
				AppointmentStates appointments, KafkaAdmin kafkaAdmin) {
			super(ledger, optOuts, recentOptOuts, appointments, kafkaAdmin);
		}

		@Override
		void catchUp() {
			long needed;
			this.lock.lock();
			try {
				// The next catch-up to start begins after this thread arrived.
				needed = this.startedCount + 1;
				while (this.endedCount < needed) {
					if (this.running) {
						this.ended.awaitUninterruptibly();
						continue;
					}
					this.running = true;
					long mine = ++this.startedCount;
					RuntimeException failure = null;
					this.lock.unlock();
					try {
						super.catchUp();
					}
					catch (RuntimeException ex) {
						failure = ex;
					}
					finally {
						this.lock.lock();
					}
					if (failure != null) {
						this.failures.put(mine, failure);
					}
					this.endedCount = mine;
					this.running = false;
					this.ended.signalAll();
				}
			}
			finally {
				this.lock.unlock();
			}
			RuntimeException failure = this.failures.get(needed);
			if (failure != null) {
				throw failure;
			}
		}

	}

}
