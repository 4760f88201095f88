package com.geminihealth.notifications.outage;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import com.geminihealth.notifications.delivery.NotificationLedger;
import com.geminihealth.platform.test.TopicRecords;
import com.geminihealth.schemas.Examples;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.notification.NotificationFailed;
import com.geminihealth.schemas.notification.NotificationOutcome;
import com.geminihealth.schemas.reminder.DueNotice;

/**
 * What the fault tests share: appointments to notify about, publishing as the decider and
 * the scheduler would, and the outcomes as the front desk reads them.
 *
 * <p>
 * Time is compressed by the retry schedule these tests configure: one simulated hour is
 * {@link #HOUR} of real time, so the 15-minute longest wait is 750 ms and the 24-hour
 * ceiling 72 s.
 */
final class Outages {

	/** One simulated hour. */
	static final Duration HOUR = Duration.ofSeconds(3);

	static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	private Outages() {
	}

	static AppointmentConfirmed confirmed(String email, String phone, Instant start) {
		Appointment example = Examples.of(AppointmentConfirmed.class).appointment();
		AppointmentId id = AppointmentId.random();
		return new AppointmentConfirmed(new RequestId(id.uuid()), new Appointment(id, new LocationId("burlington"),
				example.service(), example.practitioner(), "Maya Chen", start, start.plus(Duration.ofHours(1)), TORONTO,
				new Patient("Olivia Martin", email, phone, Language.EN, new Consent(phone != null, false, false)), null,
				0));
	}

	static void publish(String brokers, AppointmentEvent event) throws Exception {
		try (KafkaProducer<AppointmentId, AppointmentEvent> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), Topics.APPOINTMENTS.keySerde().serializer(),
				Topics.APPOINTMENTS.valueSerde().serializer())) {
			producer.send(new ProducerRecord<>(Topics.APPOINTMENTS.name(), event.appointmentId(), event)).get();
		}
	}

	static void publish(String brokers, DueNotice notice) throws Exception {
		try (KafkaProducer<AppointmentId, DueNotice> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), Topics.DUE_NOTICES.keySerde().serializer(),
				Topics.DUE_NOTICES.valueSerde().serializer())) {
			producer.send(new ProducerRecord<>(Topics.DUE_NOTICES.name(), notice.appointmentId(), notice)).get();
		}
	}

	/** The outcomes of an appointment's notifications, without the "sending" marks. */
	static List<NotificationOutcome> outcomes(String brokers, AppointmentId appointment) {
		return TopicRecords.values(brokers, Topics.NOTIFICATION_OUTCOMES)
			.stream()
			.filter((outcome) -> appointment.equals(outcome.appointmentId()))
			.filter((outcome) -> !(outcome instanceof NotificationFailed failed
					&& NotificationLedger.SENDING.equals(failed.reason())))
			.toList();
	}

	static NotificationOutcome latest(String brokers, AppointmentId appointment) {
		List<NotificationOutcome> outcomes = outcomes(brokers, appointment);
		return outcomes.isEmpty() ? null : outcomes.get(outcomes.size() - 1);
	}

}
