package com.geminihealth.intake.decider;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.geminihealth.intake.clinic.TestClinic;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentState;
import com.geminihealth.schemas.appointment.AppointmentStatus;
import com.geminihealth.schemas.booking.AppointmentId;

import static com.geminihealth.intake.decider.DeciderDriver.book;
import static com.geminihealth.intake.decider.DeciderDriver.cancel;
import static com.geminihealth.intake.decider.DeciderDriver.complete;
import static com.geminihealth.intake.decider.DeciderDriver.noShow;
import static com.geminihealth.intake.decider.DeciderDriver.reschedule;
import static org.assertj.core.api.Assertions.assertThat;

/** Each appointment as it stands, on the compacted appointment-states topic. */
class DeciderAppointmentStatesTest {

	static final LocalDate MONDAY = DeciderTest.MONDAY;

	final DeciderDriver decider = new DeciderDriver();

	@AfterEach
	void close() {
		this.decider.close();
	}

	@Test
	void publishesTheAppointmentAsItStandsAfterEveryChangeStampedWithTheCommandsTime() {
		Instant booked = Instant.parse("2026-11-20T12:00:00Z");
		AppointmentId id = confirmedId(this.decider.at(booked).send(book("ana", "massage-60", MONDAY.atTime(10, 0))));
		assertThat(only(this.decider.states(), id)).satisfies((state) -> {
			assertThat(state.status()).isEqualTo(AppointmentStatus.CONFIRMED);
			assertThat(state.changedAt()).isEqualTo(booked);
			assertThat(state.appointment().patient()).isEqualTo(DeciderDriver.PATIENT);
		});

		Instant moved = booked.plusSeconds(3600);
		this.decider.at(moved).send(reschedule(id, MONDAY.atTime(13, 0), null));
		assertThat(only(this.decider.states(), id)).satisfies((state) -> {
			assertThat(state.status()).isEqualTo(AppointmentStatus.CONFIRMED);
			assertThat(state.appointment().start()).isEqualTo(local(MONDAY.atTime(13, 0)));
			assertThat(state.appointment().sequence()).isEqualTo(1);
			assertThat(state.changedAt()).isEqualTo(moved);
		});

		this.decider.at(Instant.parse("2026-11-23T20:00:00Z")).send(complete(id));
		assertThat(only(this.decider.states(), id).status()).isEqualTo(AppointmentStatus.COMPLETED);
	}

	@Test
	void publishesCancelledAndNoShowStates() {
		AppointmentId cancelled = confirmedId(this.decider.send(book("ana", "massage-60", MONDAY.atTime(10, 0))));
		AppointmentId missed = confirmedId(this.decider.send(book("ben", "massage-60", MONDAY.atTime(10, 0))));
		this.decider.states();

		this.decider.send(cancel(cancelled));
		this.decider.at(Instant.parse("2026-11-23T20:00:00Z")).send(noShow(missed));

		List<TestRecord<AppointmentId, AppointmentState>> states = this.decider.states();
		assertThat(states).extracting(TestRecord::key).containsExactly(cancelled, missed);
		assertThat(states).extracting((state) -> state.value().status())
			.containsExactly(AppointmentStatus.CANCELLED, AppointmentStatus.NO_SHOW);
	}

	@Test
	void publishesNoStateForDecisionsThatChangeNoAppointment() {
		AppointmentId id = confirmedId(this.decider.send(book("ana", "massage-60", MONDAY.atTime(10, 0))));
		confirmedId(this.decider.send(book("ben", "massage-60", MONDAY.atTime(13, 0))));
		this.decider.states();

		// A declined booking, a reschedule into a taken slot, a second cancel and a
		// command about an unknown appointment.
		this.decider.send(book("ana", "massage-60", MONDAY.atTime(10, 0)));
		this.decider.send(reschedule(id, MONDAY.atTime(13, 0), "ben"));
		this.decider.send(cancel(id));
		this.decider.send(cancel(id));
		this.decider.send(cancel(AppointmentId.of("00000000-0000-4000-8000-000000000000")));

		assertThat(this.decider.states()).hasSize(1);
	}

	/**
	 * Exactly-once makes one transaction of what one task writes: the state must be
	 * written by the task that decides, never behind a repartition.
	 */
	@Test
	void writesTheStateInTheSameSubtopologyAsTheDecisionSoInTheSameTransaction() {
		StreamsBuilder builder = new StreamsBuilder();
		DeciderTopology.build(builder, TestClinic.clinic(), DeciderProperties.defaults(), 1);

		TopologyDescription.Subtopology deciding = builder.build()
			.describe()
			.subtopologies()
			.stream()
			.filter((subtopology) -> subtopology.nodes().stream().anyMatch((node) -> node.name().equals("decide")))
			.findFirst()
			.orElseThrow();

		assertThat(deciding.nodes()).extracting(TopologyDescription.Node::name)
			.contains("appointments", "appointment-states");
	}

	private static AppointmentId confirmedId(Object event) {
		assertThat(event).isInstanceOf(AppointmentConfirmed.class);
		return ((AppointmentConfirmed) event).appointment().appointmentId();
	}

	private static AppointmentState only(List<TestRecord<AppointmentId, AppointmentState>> states, AppointmentId id) {
		assertThat(states).hasSize(1);
		assertThat(states.get(0).key()).isEqualTo(id);
		return states.get(0).value();
	}

	private static Instant local(LocalDateTime time) {
		return time.atZone(TestClinic.TORONTO).toInstant();
	}

}
