package com.geminihealth.reminders;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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

import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.reminder.ReminderDue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances share the scheduling; one, in a JVM of its own, is killed (SIGKILL, no
 * shutdown) while reminders are firing. The other takes over its tasks: every reminder
 * fires, none twice.
 */
class TwoInstancesIntegrationTest {

	final EmbeddedKafkaBroker broker = ReminderRuns.broker();

	final Path dir = Path.of("target", "two-instances", UUID.randomUUID().toString());

	ConfigurableApplicationContext survivor;

	Process victim;

	@AfterEach
	void stop() {
		if (this.victim != null) {
			this.victim.destroyForcibly();
		}
		if (this.survivor != null) {
			this.survivor.close();
		}
		this.broker.destroy();
	}

	@Test
	void losesAndDoublesNoReminderWhenOneOfTwoInstancesIsKilledMidRun() throws Exception {
		Files.createDirectories(this.dir);
		int managementPort = ReminderRuns.freePort();
		this.victim = ReminderRuns.startChild(this.broker, this.dir.resolve("victim-state"), managementPort,
				this.dir.resolve("victim.log"));
		this.survivor = ReminderRuns.start(this.broker, this.dir.resolve("survivor-state"));
		await().atMost(Duration.ofSeconds(90))
			.until(() -> running("http://localhost:" + managementPort)
					&& ReminderRuns.state(this.survivor) == KafkaStreams.State.RUNNING);

		List<Appointment> appointments = ReminderRuns.confirm(this.broker, 60, Instant.now().plusSeconds(3),
				Duration.ofMillis(100));
		await().atMost(Duration.ofSeconds(30)).until(() -> ReminderRuns.fired(this.broker).size() >= 10);
		this.victim.destroyForcibly().waitFor();
		int firedBeforeTheKill = ReminderRuns.fired(this.broker).size();

		await().atMost(Duration.ofSeconds(60))
			.until(() -> ReminderRuns.fired(this.broker).size() >= appointments.size());
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> ReminderRuns.fired(this.broker).size() == appointments.size());
		assertThat(firedBeforeTheKill).isLessThan(appointments.size());
		// the killed instance's share fired late, after its tasks moved
		assertThat(ReminderRuns.fired(this.broker))
			.anySatisfy((reminder) -> assertThat(Duration.between(reminder.dueAt(), reminder.firedAt()))
				.isGreaterThan(Duration.ofSeconds(2)));
		assertThat(ReminderRuns.fired(this.broker)).extracting(ReminderDue::appointmentId)
			.containsExactlyInAnyOrderElementsOf(appointments.stream().map(Appointment::appointmentId).toList());
	}

	private static boolean running(String instance) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(instance + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString())
				.body()
				.contains("\"state\":\"RUNNING\"");
		}
		catch (Exception ex) {
			return false;
		}
	}

}
