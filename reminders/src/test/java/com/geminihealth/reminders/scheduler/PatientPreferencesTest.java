package com.geminihealth.reminders.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.patient.FreeTextReply;
import com.geminihealth.schemas.patient.OptedIn;
import com.geminihealth.schemas.patient.OptedOut;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.patient.PatientPreferences;
import com.geminihealth.schemas.patient.ReplySource;
import com.geminihealth.schemas.reminder.Channel;

import static com.geminihealth.reminders.scheduler.RemindersDriver.appointment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preferences fold on the real topology: what each contact said, kept as its current
 * preferences on the compacted topic however long ago it said it.
 */
class PatientPreferencesTest {

	static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

	static final PatientContact PHONE = new PatientContact("+12892348077");

	static final PatientContact EMAIL = new PatientContact("camille@example.com");

	static final Patient FRENCH = new Patient("Camille Gagnon", EMAIL.value(), PHONE.value(), Language.FR,
			new Consent(true, false, false));

	RemindersDriver reminders = new RemindersDriver(NOW);

	@AfterEach
	void close() {
		this.reminders.close();
	}

	@Test
	void publishesTheChannelsAContactOptedOutOfUntilItOptsBackIn() {
		this.reminders.reply(new OptedOut(PHONE, Channel.SMS, "STOP", ReplySource.SMS_KEYWORD, NOW));
		this.reminders.reply(new OptedOut(PHONE, Channel.EMAIL, null, ReplySource.FRONT_DESK, NOW.plusSeconds(60)));
		this.reminders.reply(new OptedIn(PHONE, Channel.SMS, "START", ReplySource.SMS_KEYWORD, NOW.plusSeconds(120)));

		assertThat(this.reminders.publishedPreferences())
			.extracting((record) -> record.key, (record) -> record.value.optedOut(),
					(record) -> record.value.updatedAt())
			.containsExactly(org.assertj.core.groups.Tuple.tuple(PHONE, List.of(Channel.SMS), NOW),
					org.assertj.core.groups.Tuple.tuple(PHONE, List.of(Channel.SMS, Channel.EMAIL),
							NOW.plusSeconds(60)),
					org.assertj.core.groups.Tuple.tuple(PHONE, List.of(Channel.EMAIL), NOW.plusSeconds(120)));
	}

	@Test
	void keepsTheLanguageOfAConfirmedBookingForTheEmailAndThePhoneAndAnOptOutKeepsIt() {
		this.reminders.send(confirmed(FRENCH));

		assertThat(this.reminders.publishedPreferences())
			.extracting((record) -> record.key, (record) -> record.value.language(),
					(record) -> record.value.optedOut())
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(EMAIL, Language.FR, List.of()),
					org.assertj.core.groups.Tuple.tuple(PHONE, Language.FR, List.of()));

		this.reminders.reply(new OptedOut(PHONE, Channel.SMS, "ARRET", ReplySource.SMS_KEYWORD, NOW));

		PatientPreferences phone = single(this.reminders.publishedPreferences()).value;
		assertThat(phone.optedOut()).containsExactly(Channel.SMS);
		assertThat(phone.language()).isEqualTo(Language.FR);
	}

	@Test
	void publishesNothingWhenABookingOrAReplyChangesNothing() {
		this.reminders.send(confirmed(FRENCH));
		this.reminders.reply(new OptedOut(PHONE, Channel.SMS, "STOP", ReplySource.SMS_KEYWORD, NOW));
		this.reminders.publishedPreferences();

		this.reminders.send(confirmed(FRENCH));
		this.reminders.reply(new OptedOut(PHONE, Channel.SMS, "STOP", ReplySource.SMS_KEYWORD, NOW.plusSeconds(5)));
		this.reminders.reply(new FreeTextReply(PHONE, "see you then", NOW));

		assertThat(this.reminders.publishedPreferences()).isEmpty();
		assertThat(this.reminders.storedPreferences(PHONE.value()).optedOut()).containsExactly(Channel.SMS);
	}

	@Test
	void takesTheLanguageOfTheLatestBooking() {
		this.reminders.send(confirmed(FRENCH));
		this.reminders.publishedPreferences();

		this.reminders.send(confirmed(new Patient("Camille Gagnon", EMAIL.value(), null, Language.EN, null)));

		assertThat(single(this.reminders.publishedPreferences())).satisfies((record) -> {
			assertThat(record.key).isEqualTo(EMAIL);
			assertThat(record.value.language()).isEqualTo(Language.EN);
		});
		assertThat(this.reminders.storedPreferences(PHONE.value()).language()).isEqualTo(Language.FR);
	}

	private static AppointmentConfirmed confirmed(Patient patient) {
		Appointment appointment = appointment(patient, "burlington", "rmt-swedish-60",
				LocalDateTime.of(2026, 11, 25, 10, 0), Duration.ofHours(1));
		return new AppointmentConfirmed(RequestId.random(), appointment);
	}

	private static <K, V> KeyValue<K, V> single(List<KeyValue<K, V>> records) {
		assertThat(records).hasSize(1);
		return records.get(0);
	}

}
