package com.geminihealth.dashboard.stream;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

import com.geminihealth.dashboard.Appointments;
import com.geminihealth.dashboard.waitlist.WaitlistEvents;
import com.geminihealth.schemas.DeadLetters;
import com.geminihealth.schemas.Topic;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.feedback.FeedbackSource;
import com.geminihealth.schemas.feedback.SessionFeedback;
import com.geminihealth.schemas.patient.FeedbackAnswered;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentCompleted;
import com.geminihealth.schemas.appointment.AppointmentCancelled;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.booking.ClaimWaitlistOffer;
import com.geminihealth.schemas.booking.CommandId;
import com.geminihealth.schemas.booking.JoinWaitlist;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.notification.NotificationFailed;
import com.geminihealth.schemas.notification.NotificationId;
import com.geminihealth.schemas.patient.FreeTextReply;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.reminder.Channel;
import com.geminihealth.schemas.schedule.ScheduleChangeId;
import com.geminihealth.schemas.schedule.ScheduleChanged;
import com.geminihealth.schemas.waitlist.WaitlistJoined;
import com.geminihealth.schemas.waitlist.WaitlistLeft;
import com.geminihealth.schemas.waitlist.WaitlistOfferClosed;
import com.geminihealth.schemas.waitlist.WaitlistOffered;

import static org.assertj.core.api.Assertions.assertThat;

class EventDecoderTest {

	private final Events events = new Events();

	@Test
	void describesAConfirmationWithFirstNamePractitionerServiceAndLocalTime() {
		Appointment appointment = Appointments.of("Alice Martin", "+12895550100", Instant.parse("2026-12-01T15:00:00Z"),
				"recovering from surgery");
		PipelineEvent event = this.events.of(Topics.APPOINTMENTS, appointment.appointmentId(),
				new AppointmentConfirmed(RequestId.random(), appointment));

		assertThat(event.type()).isEqualTo("AppointmentConfirmed");
		assertThat(event.firstName()).isEqualTo("Alice");
		assertThat(event.practitioner()).isEqualTo("Maya Chen");
		assertThat(event.location()).isEqualTo("burlington");
		assertThat(event.facts()).isEqualTo("Swedish massage, 60 min on Tue. 1 Dec. 10:00");
	}

	@Test
	void describesAScheduleChangeWithThePractitionerAndWhoEnteredIt() {
		ScheduleChanged lunch = new ScheduleChanged(new PractitionerId("maya-chen"), LocalDate.of(2026, 12, 28),
				ScheduleChanged.Kind.BREAK, null, LocalTime.of(12, 30), LocalTime.of(13, 15), "amira",
				Instant.parse("2026-12-04T14:20:00Z"));

		PipelineEvent event = this.events.of(Topics.SCHEDULE_CHANGES, ScheduleChangeId.of(lunch), lunch);

		assertThat(event.type()).isEqualTo("ScheduleChanged");
		// This decoder names practitioners by their id.
		assertThat(event.practitioner()).isEqualTo("maya-chen");
		assertThat(event.facts()).isEqualTo("break on 2026-12-28, 12:30-13:15, by amira");
	}

	@Test
	void namesWhoChangedAnAppointmentAndALateCancellation() {
		Appointment appointment = Appointments.of("Alice Martin", "+12895550100", Instant.parse("2026-12-01T15:00:00Z"),
				null);

		PipelineEvent byPatient = this.events.of(Topics.APPOINTMENTS, appointment.appointmentId(),
				new AppointmentCancelled(CommandId.random(), appointment, null, false, Author.PATIENT));
		PipelineEvent byFrontDesk = this.events.of(Topics.APPOINTMENTS, appointment.appointmentId(),
				new AppointmentCancelled(CommandId.random(), appointment, null, true, Author.frontDesk("amira")));
		PipelineEvent byIntegration = this.events.of(Topics.APPOINTMENTS, appointment.appointmentId(),
				new AppointmentCancelled(CommandId.random(), appointment, null, false,
						Author.integration("practice-system")));

		assertThat(byPatient.facts()).isEqualTo("cancelled, was Tue. 1 Dec. 10:00, by the patient online");
		assertThat(byFrontDesk.facts()).isEqualTo("cancelled late, was Tue. 1 Dec. 10:00, by amira");
		assertThat(byIntegration.facts()).endsWith(", by integration practice-system");
	}

	@Test
	void neverPutsHealthNotesOrContactDetailsInTheFacts() {
		Appointment appointment = Appointments.of("Alice Martin", "+12895550100", Instant.parse("2026-12-01T15:00:00Z"),
				"recovering from surgery");
		PipelineEvent completed = this.events.of(Topics.APPOINTMENTS, appointment.appointmentId(),
				new AppointmentCompleted(CommandId.random(), appointment, "stretch the hamstrings twice a day"));
		PipelineEvent reply = this.events.of(Topics.PATIENT_REPLIES, new PatientContact("+12895550100"),
				new FreeTextReply(new PatientContact("+12895550100"), "my knee still hurts", Instant.now()));

		for (PipelineEvent event : new PipelineEvent[] { completed, reply }) {
			assertThat(String.join("|", event.facts(), String.valueOf(event.firstName()),
					String.valueOf(event.practitioner())))
				.doesNotContain("surgery", "hamstrings", "knee", "+12895550100", "patient@example.com");
		}
		assertThat(reply.firstName()).as("the patient, known from the appointment").isEqualTo("Alice");
	}

	@Test
	void describesFeedbackByItsScoreNeverItsComment() {
		Appointment session = Appointments.of("Clara Diaz", "+12895550113", Instant.now(), null);
		PipelineEvent answered = this.events.of(Topics.PATIENT_REPLIES, new PatientContact("+12895550113"),
				new FeedbackAnswered(new PatientContact("+12895550113"), null, 4, null, Instant.now()));
		PipelineEvent matched = this.events.of(Topics.SESSION_FEEDBACK, session.appointmentId(),
				new SessionFeedback(session, 4, "my sciatica is easing", FeedbackSource.TEXT_REPLY, Instant.now()));

		assertThat(answered.facts()).isEqualTo("answered the question about their last session: 4 of 5");
		assertThat(matched.facts()).endsWith(": 4 of 5, with a comment").doesNotContain("sciatica");
		assertThat(matched.firstName()).isEqualTo("Clara");
		assertThat(matched.practitioner()).isEqualTo("Maya Chen");
	}

	@Test
	void givesAnOutcomeThePatientAndLocationOfItsAppointment() {
		Appointment appointment = Appointments.of("Bruno Costa", "+12895550111", Instant.now(), null);
		this.events.of(Topics.APPOINTMENTS, appointment.appointmentId(),
				new AppointmentConfirmed(RequestId.random(), appointment));
		PipelineEvent failed = this.events.of(Topics.NOTIFICATION_OUTCOMES, new NotificationId("n-1"),
				new NotificationFailed(new NotificationId("n-1"), Channel.SMS, "appointment-confirmed",
						appointment.appointmentId(), "number is not a mobile", "21614", true, 1, Instant.now()));

		assertThat(failed.firstName()).isEqualTo("Bruno");
		assertThat(failed.location()).isEqualTo("burlington");
		assertThat(failed.facts()).isEqualTo("SMS appointment-confirmed failed: number is not a mobile");
	}

	@Test
	void readsADeadLetterWithItsSourceAndReasonAndKeepsItsBytes() {
		RecordHeaders headers = new RecordHeaders();
		headers.add(DeadLetters.REASON, "missing field 'service'".getBytes(StandardCharsets.UTF_8));
		headers.add(DeadLetters.SOURCE_TOPIC, "booking-commands".getBytes(StandardCharsets.UTF_8));
		byte[] value = "{\"broken\":true}".getBytes(StandardCharsets.UTF_8);
		PipelineEvent letter = new EventDecoder(Appointments.TORONTO, Topics.ALL, (id) -> id, (id) -> id)
			.decode(new ConsumerRecord<>("booking-commands.dlt", 2, 7L, 0L, TimestampType.CREATE_TIME, 10, value.length,
					"burlington".getBytes(StandardCharsets.UTF_8), value, headers, Optional.empty()));

		assertThat(letter.type()).isEqualTo(PipelineEvent.DEAD_LETTER);
		assertThat(letter.id()).isEqualTo("booking-commands.dlt-2@7");
		assertThat(letter.location()).isEqualTo("burlington");
		assertThat(letter.facts()).isEqualTo("from booking-commands: missing field 'service'");
		assertThat(letter.raw().value()).isEqualTo(value);
	}

	@Test
	void showsARecordOfARawTopicThatIsNotADeadLetterByItsTopicAndKeepsItAsStored() {
		RecordHeaders headers = new RecordHeaders();
		headers.add("ce_type", "com.geminihealth.appointment.AppointmentConfirmed.v1".getBytes(StandardCharsets.UTF_8));
		Topic<byte[], byte[]> plumbing = new Topic<>("notifications.retry", Serdes.ByteArray(), Serdes.ByteArray());
		PipelineEvent event = new EventDecoder(Appointments.TORONTO, List.of(plumbing), (id) -> id, (id) -> id)
			.decode(new ConsumerRecord<>("notifications.retry", 0, 3L, 0L, TimestampType.CREATE_TIME, 0, 2, null,
					"{}".getBytes(StandardCharsets.UTF_8), headers, Optional.empty()));

		assertThat(event.type()).isEqualTo("notifications.retry");
		assertThat(event.facts()).isEqualTo("carries AppointmentConfirmed");
		assertThat(event.raw().value()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
		assertThat(event.raw().headers()).extracting(Header::key).containsExactly("ce_type");
	}

	@Test
	void showsARecordItCannotReadInsteadOfStopping() {
		byte[] value = "not json".getBytes(StandardCharsets.UTF_8);
		PipelineEvent event = new EventDecoder(Appointments.TORONTO, Topics.ALL, (id) -> id, (id) -> id)
			.decode(new ConsumerRecord<>("appointments", 0, 1L, 0L, TimestampType.CREATE_TIME, 0, value.length, null,
					value, new RecordHeaders(), Optional.empty()));

		assertThat(event.type()).isEqualTo(PipelineEvent.UNREADABLE);
	}

	@Test
	void tellsTheWaitlistsStoryByFirstNameWithoutContacts() {
		WaitlistJoined joined = WaitlistEvents.joined("Olivia Roy", "+12895550121", Instant.now());
		JoinWaitlist join = new JoinWaitlist(joined.entryId(), joined.location(), joined.service(), null,
				joined.window(), joined.patient(), Author.frontDesk("amira"));
		Instant freed = Instant.parse("2026-12-01T14:00:00Z");
		WaitlistOffered offered = WaitlistEvents.offered(joined, freed, freed.plusSeconds(901));

		List<PipelineEvent> story = List.of(this.events.of(Topics.BOOKING_COMMANDS, join.location(), join),
				this.events.of(Topics.WAITLIST, joined.entryId(), joined),
				this.events.of(Topics.WAITLIST, offered.entryId(), offered),
				this.events.of(Topics.BOOKING_COMMANDS, join.location(),
						new ClaimWaitlistOffer(CommandId.random(), join.location(), offered.offer(), Author.PATIENT)),
				this.events.of(Topics.WAITLIST, offered.entryId(),
						WaitlistOfferClosed.of(offered, WaitlistOfferClosed.Outcome.CLAIMED, freed.plusSeconds(420))),
				this.events.of(Topics.WAITLIST, joined.entryId(),
						new WaitlistLeft(joined.entryId(), WaitlistLeft.Reason.BOOKED, freed.plusSeconds(421))));

		assertThat(story).extracting(PipelineEvent::type)
			.containsExactly("JoinWaitlist", "WaitlistJoined", "WaitlistOffered", "ClaimWaitlistOffer",
					"WaitlistOfferClosed", "WaitlistLeft");
		assertThat(story).extracting(PipelineEvent::firstName).containsOnly("Olivia");
		assertThat(story).extracting(PipelineEvent::location).containsOnly("burlington");
		assertThat(story.get(0).facts()).startsWith("Swedish massage, 60 min waitlist requested for ")
			.endsWith(", by amira");
		assertThat(story.get(1).facts()).contains("any practitioner");
		assertThat(story.get(2).practitioner()).isEqualTo("Maya Chen");
		assertThat(story.get(2).facts()).endsWith("offered, held until 09:15:01");
		assertThat(story.get(3).facts()).isEqualTo("waitlist offer claim, by the patient online");
		assertThat(story.get(4).facts()).endsWith("claimed, slot refilled 7 min after it freed");
		assertThat(story.get(5).facts()).isEqualTo("left the waitlist: booked");
		assertThat(story).extracting(PipelineEvent::facts)
			.noneMatch((facts) -> facts.contains("0121") || facts.contains("@") || facts.contains("Roy"));
	}

}
