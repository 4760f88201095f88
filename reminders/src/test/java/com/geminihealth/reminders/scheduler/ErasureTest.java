package com.geminihealth.reminders.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.patient.OptedOut;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.patient.PatientPreferences;
import com.geminihealth.schemas.patient.ReplySource;
import com.geminihealth.schemas.privacy.ErasureId;
import com.geminihealth.schemas.privacy.ErasureRequested;
import com.geminihealth.schemas.reminder.Channel;
import com.geminihealth.schemas.reminder.DueNotice;
import com.geminihealth.schemas.reminder.FollowUpDue;

import static com.geminihealth.reminders.scheduler.RemindersDriver.CONSENTING;
import static com.geminihealth.reminders.scheduler.RemindersDriver.NOT_CONSENTING;
import static com.geminihealth.reminders.scheduler.RemindersDriver.appointment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An erasure on the real topology: the scheduler's stores and the preferences fold forget
 * the patient, the compacted topics get tombstones, and nothing more is sent to them.
 */
class ErasureTest {

	static final ZoneId TORONTO = RemindersDriver.TORONTO;

	static final LocalDateTime FRIDAY_10 = LocalDateTime.of(2026, 11, 20, 10, 0);

	RemindersDriver reminders = new RemindersDriver(FRIDAY_10.atZone(TORONTO).toInstant());

	@AfterEach
	void close() {
		this.reminders.close();
	}

	@Test
	void forgetsThePatientInEveryStoreAndLeavesTombstonesForTheirNoticesAndPreferences() {
		Appointment past = appointment(FRIDAY_10.plusDays(3));
		this.reminders.send(confirmed(past));
		List<DueNotice> fired = this.reminders.advanceTo(FRIDAY_10.plusDays(3 + 28).plusHours(2));
		assertThat(fired).last().isInstanceOf(FollowUpDue.class);
		assertThat(this.reminders.tracked(past.appointmentId())).as("done with, no longer tracked").isNull();
		Appointment next = appointment(FRIDAY_10.plusDays(40));
		this.reminders.send(confirmed(next));
		Appointment someoneElse = appointment(NOT_CONSENTING, "burlington", "rmt-swedish-60", FRIDAY_10.plusDays(40),
				Duration.ofHours(1));
		this.reminders.send(confirmed(someoneElse));
		this.reminders.reply(new OptedOut(new PatientContact(CONSENTING.mobilePhone()), Channel.SMS, "STOP",
				ReplySource.SMS_KEYWORD, this.reminders.now()));
		this.reminders.publishedPreferences();
		assertThat(String.join("\n", this.reminders.everythingStored())).contains(CONSENTING.mobilePhone())
			.contains(CONSENTING.email());

		List<KeyValue<AppointmentId, DueNotice>> notices = this.reminders.erase(new ErasureRequested(ErasureId.random(),
				CONSENTING.email(), CONSENTING.mobilePhone(), "ops", Instant.now()));

		assertThat(notices).allSatisfy((record) -> assertThat(record.value).as("a tombstone").isNull())
			.extracting((record) -> record.key)
			.containsExactlyInAnyOrder(past.appointmentId(), next.appointmentId());
		List<KeyValue<PatientContact, PatientPreferences>> preferences = this.reminders.publishedPreferences();
		assertThat(preferences).allSatisfy((record) -> assertThat(record.value).as("a tombstone").isNull())
			.extracting((record) -> record.key.value())
			.containsExactlyInAnyOrder(CONSENTING.email(), CONSENTING.mobilePhone());
		assertThat(this.reminders.everythingStored()).noneMatch((entry) -> entry.contains(CONSENTING.mobilePhone()))
			.noneMatch((entry) -> entry.contains(CONSENTING.email()))
			.anyMatch((entry) -> entry.contains(NOT_CONSENTING.email()));
		assertThat(this.reminders.advanceTo(FRIDAY_10.plusDays(40).minusHours(1))).extracting(DueNotice::appointmentId)
			.containsOnly(someoneElse.appointmentId());
	}

	private static AppointmentConfirmed confirmed(Appointment appointment) {
		return new AppointmentConfirmed(RequestId.random(), appointment);
	}

}
