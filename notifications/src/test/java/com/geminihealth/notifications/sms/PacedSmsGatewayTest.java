package com.geminihealth.notifications.sms;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.geminihealth.schemas.notification.NotificationId;
import com.geminihealth.schemas.reminder.Channel;

import static org.assertj.core.api.Assertions.assertThat;

class PacedSmsGatewayTest {

	@Test
	void spacesTextsSentTogetherByTheSendersRate() throws Exception {
		List<Long> sentAt = new CopyOnWriteArrayList<>();
		SmsGateway paced = new PacedSmsGateway((sms, id) -> {
			sentAt.add(System.nanoTime());
			return "SM" + sentAt.size();
		}, 20);
		Sms sms = new Sms("appointment-confirmed", "+12892348001", "Hello", true, ZoneId.of("America/Toronto"));

		ExecutorService senders = Executors.newFixedThreadPool(4);
		List<Future<String>> sends = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			NotificationId id = NotificationId.of("event-" + i, "appointment-confirmed", Channel.SMS);
			sends.add(senders.submit(() -> paced.send(sms, id)));
		}
		for (Future<String> send : sends) {
			send.get();
		}
		senders.shutdown();

		List<Long> ordered = sentAt.stream().sorted().toList();
		for (int i = 1; i < ordered.size(); i++) {
			// 20 a second: at least 50 ms apart (less a little for the clock's grain).
			assertThat(Duration.ofNanos(ordered.get(i) - ordered.get(i - 1))).isGreaterThan(Duration.ofMillis(45));
		}
	}

}
