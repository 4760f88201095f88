package com.geminihealth.notifications.sms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SenderPaceTest {

	@Test
	void spacesTextsSentTogetherByTheSendersRate() throws Exception {
		List<Long> sentAt = sendTogether(new SenderPace(() -> 20), 6);

		for (int i = 1; i < sentAt.size(); i++) {
			// 20 a second: at least 50 ms apart (less a little for the clock's grain).
			assertThat(Duration.ofNanos(sentAt.get(i) - sentAt.get(i - 1))).isGreaterThan(Duration.ofMillis(45));
		}
	}

	@Test
	void takesOnlyItsShareOfTheRateWhenOtherInstancesOwnPartOfThePartitions() throws Exception {
		// The sender may send 20 a second; this instance owns a quarter of the
		// partitions.
		AtomicReference<Double> share = new AtomicReference<>(0.25);
		List<Long> sentAt = sendTogether(new SenderPace(() -> 20 * share.get()), 4);

		for (int i = 1; i < sentAt.size(); i++) {
			assertThat(Duration.ofNanos(sentAt.get(i) - sentAt.get(i - 1))).isGreaterThan(Duration.ofMillis(190));
		}
	}

	private static List<Long> sendTogether(SenderPace pace, int texts) throws Exception {
		List<Long> sentAt = new CopyOnWriteArrayList<>();
		ExecutorService senders = Executors.newFixedThreadPool(4);
		List<Future<?>> sends = new ArrayList<>();
		for (int i = 0; i < texts; i++) {
			sends.add(senders.submit(() -> {
				pace.await();
				sentAt.add(System.nanoTime());
			}));
		}
		for (Future<?> send : sends) {
			send.get();
		}
		senders.shutdown();
		return sentAt.stream().sorted().toList();
	}

}
