package com.geminihealth.reminders.scheduler;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

import com.geminihealth.reminders.policy.RemindersProperties;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.patient.AttendanceConfirmed;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.reminder.DueNotice;

/**
 * The reminders topology, built by this one function for production and for
 * {@code TopologyTestDriver} alike. Appointment events are re-keyed by patient so that
 * they meet the patient's replies (keyed by their phone) in one task: a "C" reply names
 * only the patient, and a new booking cancels that patient's follow-up.
 */
public final class RemindersTopology {

	/** The scheduler processor's name in the topology. */
	public static final String SCHEDULER = "scheduler";

	private RemindersTopology() {
	}

	/** Adds the scheduler to {@code builder}; returns the notices it fires. */
	public static KStream<AppointmentId, DueNotice> build(StreamsBuilder builder, RemindersProperties properties,
			SchedulerMetrics metrics) {
		SchedulerStores.builders().forEach(builder::addStateStore);
		KStream<PatientContact, Object> appointments = builder
			.stream(Topics.APPOINTMENTS.name(),
					Consumed.with(Topics.APPOINTMENTS.keySerde(), Serdes.ByteArray()).withName("appointments"))
			.process(ByPatient.Rekey::new, Named.as("key-by-patient"))
			.repartition(Repartitioned.with(Topics.PATIENT_REPLIES.keySerde(), Serdes.ByteArray())
				.withName("appointments-by-patient"))
			.processValues(ByPatient.Read::new, Named.as("appointment-input"));
		KStream<PatientContact, Object> confirmations = builder
			.stream(Topics.PATIENT_REPLIES.name(),
					Consumed.with(Topics.PATIENT_REPLIES.keySerde(), Topics.PATIENT_REPLIES.valueSerde())
						.withName("patient-replies"))
			.filter((contact, reply) -> reply instanceof AttendanceConfirmed, Named.as("attendance-confirmations"))
			.mapValues((reply) -> (Object) reply, Named.as("reply-input"));

		KStream<AppointmentId, DueNotice> notices = appointments.merge(confirmations, Named.as("scheduler-input"))
			.process(() -> new SchedulerProcessor(properties, metrics), Named.as(SCHEDULER), SchedulerStores.DUE,
					SchedulerStores.BY_APPOINTMENT, SchedulerStores.BY_PATIENT, SchedulerStores.COUNT);
		notices.to(Topics.DUE_NOTICES.name(),
				Produced.with(Topics.DUE_NOTICES.keySerde(), Topics.DUE_NOTICES.valueSerde()).withName("due-notices"));
		return notices;
	}

}
