package com.geminihealth.intake.decider;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.geminihealth.intake.NextWeek;
import com.geminihealth.platform.test.TopicRecords;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real decider, its stream thread killed by a timeout in the middle of a decision:
 * the thread is replaced, the request it died on is decided once, and the decider goes on
 * deciding.
 */
class DeciderThreadReplacementIntegrationTest {

	final IntakeInstances instances = new IntakeInstances();

	@AfterEach
	void stop() {
		this.instances.close();
	}

	@Test
	void decidesTheRequestItsThreadDiedOnOnceAndKeepsDeciding() throws Exception {
		String intake = this.instances.start(
				"--spring.kafka.streams.properties.processor.wrapper.class=" + KillsTheDecidingThread.class.getName(),
				// The dead thread's consumer leaves the group when its session times out.
				"--spring.kafka.streams.properties.session.timeout.ms=6000",
				"--spring.kafka.streams.properties.heartbeat.interval.ms=1000");
		await().atMost(Duration.ofSeconds(60)).until(() -> this.instances.deciderRunning(0));
		int killedBefore = KillsTheDecidingThread.kills();
		KillsTheDecidingThread.armOnce();

		String statusUrl = this.instances.book(intake, NextWeek.MONDAY + "T09:00");
		JsonNode diedOn = this.instances.decided(intake + statusUrl);
		JsonNode next = this.instances.decided(intake + this.instances.book(intake, NextWeek.MONDAY + "T11:00"));

		assertThat(KillsTheDecidingThread.kills()).isEqualTo(killedBefore + 1);
		assertThat(replacements()).isEqualTo(1);
		assertThat(diedOn.get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(next.get("status").asString()).isEqualTo("CONFIRMED");
		// An appointment takes the id of the request that booked it. The status is read
		// from the decider's store, which may answer before its transaction commits.
		String appointment = statusUrl.substring(statusUrl.lastIndexOf('/') + 1);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(TopicRecords.values(this.instances.bootstrapServers(), Topics.APPOINTMENTS))
				.filteredOn((event) -> event instanceof AppointmentConfirmed confirmed
						&& confirmed.appointmentId().value().equals(appointment))
				.hasSize(1));
	}

	private double replacements() {
		return this.instances.context(0)
			.getBean(MeterRegistry.class)
			.find("pipeline.streams.thread.replacements")
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

}
