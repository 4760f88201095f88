package com.geminihealth.intake.decider;

import java.time.LocalDate;
import java.util.List;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.geminihealth.intake.clinic.TestClinic;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentDeclined;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.appointment.AppointmentState;
import com.geminihealth.schemas.appointment.AppointmentStatus;
import com.geminihealth.schemas.appointment.DeclineReason;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.Patient;

import static com.geminihealth.intake.decider.DeciderDriver.book;
import static com.geminihealth.intake.decider.DeciderDriver.cancel;
import static org.assertj.core.api.Assertions.assertThat;

/** A patient erased on request: their appointments stay, without them. */
class DeciderErasureTest {

	static final LocalDate MONDAY = DeciderTest.MONDAY;

	static final String DOWNTOWN = TestClinic.DOWNTOWN;

	static final Patient ERASED = new Patient("Zoë Erasmus-Quill", "Zoe.Quill@Example.org", "+14165550199", Language.FR,
			new Consent(true, true, false));

	static final Patient OTHER = new Patient("Kept Person", "kept@example.com", "+14165550123", Language.EN,
			Consent.NONE);

	static final String NOTES = "left shoulder, recovering from surgery";

	final DeciderDriver decider = new DeciderDriver();

	@AfterEach
	void close() {
		this.decider.close();
	}

	@Test
	void erasesAPatientFoundByEmailFromEveryStoreAndKeepsTheirAppointmentsAnonymised() {
		AppointmentId kept = confirmed(
				this.decider.send(book(DOWNTOWN, "ana", "massage-60", MONDAY.atTime(10, 0), ERASED, NOTES)));
		AppointmentId cancelled = confirmed(
				this.decider.send(book(DOWNTOWN, "ben", "massage-60", MONDAY.atTime(10, 0), ERASED, null)));
		this.decider.send(cancel(cancelled));
		assertThat(this.decider.send(book(DOWNTOWN, "ana", "massage-60", MONDAY.atTime(10, 0), ERASED, NOTES)))
			.isInstanceOf(AppointmentDeclined.class);
		AppointmentId other = confirmed(
				this.decider.send(book(DOWNTOWN, "ana", "massage-60", MONDAY.atTime(14, 0), OTHER, "a note")));
		this.decider.states();
		assertThat(this.decider.storesContaining(ERASED.email())).isNotEmpty();

		// Another case than the one booked: addresses are compared ignoring case.
		this.decider.erase("zoe.quill@example.org", null);

		for (String trace : List.of(ERASED.email(), ERASED.mobilePhone(), "Erasmus", NOTES)) {
			assertThat(this.decider.storesContaining(trace)).as(trace).isEmpty();
		}
		List<TestRecord<AppointmentId, AppointmentState>> states = this.decider.states();
		assertThat(states).extracting(TestRecord::key).containsExactlyInAnyOrder(kept, cancelled);
		assertThat(states).allSatisfy((state) -> {
			assertThat(state.value().appointment().patient().name()).isEqualTo("Erased");
			assertThat(state.value().appointment().patient().email()).isEqualTo(Patient.ERASED_EMAIL);
			assertThat(state.value().appointment().patient().mobilePhone()).isNull();
			assertThat(state.value().appointment().patient().consent()).isEqualTo(Consent.NONE);
			assertThat(state.value().appointment().notes()).isNull();
			assertThat(state.value().changedAt()).isEqualTo(java.time.Instant.parse("2026-11-20T12:00:00Z"));
		});
		assertThat(states).extracting((state) -> state.value().status())
			.containsExactlyInAnyOrder(AppointmentStatus.CONFIRMED, AppointmentStatus.CANCELLED);
		// The calendar stays right: the erased patient's slot is still taken.
		AppointmentEvent again = this.decider.send(book("ana", "massage-60", MONDAY.atTime(10, 0)));
		assertThat(again).isInstanceOf(AppointmentDeclined.class);
		assertThat(((AppointmentDeclined) again).reason()).isEqualTo(DeclineReason.SLOT_TAKEN);
		assertThat(this.decider.status(new com.geminihealth.schemas.booking.RequestId(kept.uuid())).state())
			.isEqualTo(RequestStatus.State.CONFIRMED);
		// Nobody else is touched.
		assertThat(this.decider.storesContaining(OTHER.email())).containsExactly(DeciderStores.REQUESTS);
		assertThat(this.decider.status(new com.geminihealth.schemas.booking.RequestId(other.uuid()))
			.appointment()
			.patient()).isEqualTo(OTHER);
	}

	@Test
	void erasesAPatientFoundByPhoneAlone() {
		AppointmentId id = confirmed(
				this.decider.send(book(DOWNTOWN, "ana", "massage-60", MONDAY.atTime(10, 0), ERASED, NOTES)));
		this.decider.states();

		this.decider.erase(null, ERASED.mobilePhone());

		assertThat(this.decider.storesContaining(ERASED.mobilePhone())).isEmpty();
		assertThat(this.decider.storesContaining(ERASED.email())).isEmpty();
		assertThat(this.decider.states()).extracting(TestRecord::key).containsExactly(id);
	}

	@Test
	void erasesNobodyForAnErasureThatNamesNoContactKnownHere() {
		confirmed(this.decider.send(book(DOWNTOWN, "ana", "massage-60", MONDAY.atTime(10, 0), OTHER, null)));
		this.decider.states();

		this.decider.erase("someone@example.net", "+14165550000");

		assertThat(this.decider.states()).isEmpty();
		assertThat(this.decider.storesContaining(OTHER.email())).isNotEmpty();
	}

	@Test
	void passesOverAnErasureThatBreaksTheContractAndKeepsDeciding() {
		this.decider.publishErasure("com.geminihealth.privacy.ErasureRequested.v1", "{\"email\": 42}");

		assertThat(this.decider.send(book("ana", "massage-60", MONDAY.atTime(10, 0))))
			.isInstanceOf(AppointmentConfirmed.class);
	}

	/**
	 * An erasure lands on one partition; the decider's state is spread over every task by
	 * location. Each erasure goes through a topic the deciding tasks read, copied to
	 * every partition.
	 */
	@Test
	void erasesInTheDecidingTasksFromACopyOnEveryPartition() {
		StreamsBuilder builder = new StreamsBuilder();
		DeciderTopology.build(builder, TestClinic.clinic(), DeciderProperties.defaults(), 3);
		TopologyDescription described = builder.build().describe();

		TopologyDescription.Subtopology deciding = described.subtopologies()
			.stream()
			.filter((subtopology) -> subtopology.nodes().stream().anyMatch((node) -> node.name().equals("decide")))
			.findFirst()
			.orElseThrow();
		assertThat(deciding.nodes()).extracting(TopologyDescription.Node::name).contains("erase");
		assertThat(deciding.nodes()).filteredOn((node) -> node instanceof TopologyDescription.Source)
			.extracting((node) -> ((TopologyDescription.Source) node).topicSet().toString())
			.anySatisfy((topics) -> assertThat(topics).contains("decider-erasures-repartition"));
		assertThat(new EveryPartition<byte[], Object>().partitions("any", null, null, 3))
			.contains(java.util.Set.of(0, 1, 2));
	}

	private static AppointmentId confirmed(AppointmentEvent event) {
		assertThat(event).isInstanceOf(AppointmentConfirmed.class);
		return ((AppointmentConfirmed) event).appointment().appointmentId();
	}

}
