package com.geminihealth.reminders;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import com.geminihealth.reminders.scheduler.SchedulerMetrics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.reminder.ReminderDue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduler is stopped with reminders scheduled, they fall due while it is down, and
 * once restarted it fires each of them exactly once, late.
 */
class RestartIntegrationTest {

	final EmbeddedKafkaBroker broker = ReminderRuns.broker();

	final Path stateDir = Path.of("target", "restart", UUID.randomUUID().toString());

	ConfigurableApplicationContext instance;

	@AfterEach
	void stop() {
		if (this.instance != null) {
			this.instance.close();
		}
		this.broker.destroy();
	}

	@Test
	void firesEveryReminderThatFellDueWhileStoppedExactlyOnceAfterARestart() {
		this.instance = ReminderRuns.start(this.broker, this.stateDir);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> ReminderRuns.state(this.instance) == KafkaStreams.State.RUNNING);
		// Due far enough ahead that a loaded machine schedules them all before any is
		// due.
		List<Appointment> appointments = ReminderRuns.confirm(this.broker, 20, Instant.now().plusSeconds(10),
				Duration.ofMillis(50));
		SchedulerMetrics metrics = this.instance.getBean(SchedulerMetrics.class);
		// one reminder and one end-of-session entry per appointment
		await().atMost(Duration.ofSeconds(60)).until(() -> metrics.scheduled() >= 2L * appointments.size());
		this.instance.close();
		this.instance = null;
		Instant lastDue = appointments.get(appointments.size() - 1).start().minus(Duration.ofHours(2));
		await().atMost(Duration.ofSeconds(20)).until(() -> Instant.now().isAfter(lastDue.plusMillis(500)));
		assertThat(ReminderRuns.fired(this.broker)).isEmpty();

		this.instance = ReminderRuns.start(this.broker, this.stateDir);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> ReminderRuns.fired(this.broker).size() >= appointments.size());
		// and nothing more turns up: no reminder fires twice
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> ReminderRuns.fired(this.broker).size() == appointments.size());
		List<ReminderDue> fired = ReminderRuns.fired(this.broker);
		assertThat(fired).extracting(ReminderDue::appointmentId)
			.containsExactlyInAnyOrderElementsOf(appointments.stream().map(Appointment::appointmentId).toList());
		assertThat(fired).allSatisfy((reminder) -> assertThat(reminder.firedAt()).isAfter(reminder.dueAt()));
		assertThat(this.instance.getBean(SchedulerMetrics.class).earlyFires()).isZero();
	}

}
