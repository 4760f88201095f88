package com.geminihealth.reminders.scheduler;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import com.geminihealth.schemas.CloudEvents;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.appointment.RescheduleDeclined;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.patient.PatientContact;

/**
 * Re-keys appointment events by patient. The event's bytes pass through the repartition
 * topic untouched, writing them again would cost a JSON serialization per event for
 * nothing; of its CloudEvents headers only the type goes along, which is all that reading
 * it back needs.
 */
final class ByPatient {

	private static final Deserializer<AppointmentEvent> EVENTS = Topics.APPOINTMENTS.valueSerde().deserializer();

	private ByPatient() {
	}

	static AppointmentEvent read(Headers headers, byte[] value) {
		return EVENTS.deserialize(Topics.APPOINTMENTS.name(), headers, value);
	}

	/** Keys each event the scheduler acts on by its patient; drops the others. */
	static final class Rekey implements Processor<AppointmentId, CheckedInput, PatientContact, byte[]> {

		private ProcessorContext<PatientContact, byte[]> context;

		@Override
		public void init(ProcessorContext<PatientContact, byte[]> context) {
			this.context = context;
		}

		@Override
		public void process(Record<AppointmentId, CheckedInput> record) {
			AppointmentEvent event = (AppointmentEvent) record.value().event();
			// A declined reschedule leaves everything the scheduler keeps as it was.
			Appointment appointment = (event instanceof RescheduleDeclined) ? null : event.appointment();
			if (appointment != null) {
				this.context.forward(record.withKey(PatientContact.of(appointment.patient()))
					.withValue(record.value().original())
					.withHeaders(new RecordHeaders(new Header[] { record.headers().lastHeader(CloudEvents.TYPE) })));
			}
		}

	}

	/** Reads the event back after the repartition topic. */
	static final class Read implements FixedKeyProcessor<PatientContact, byte[], Object> {

		private FixedKeyProcessorContext<PatientContact, Object> context;

		@Override
		public void init(FixedKeyProcessorContext<PatientContact, Object> context) {
			this.context = context;
		}

		@Override
		public void process(FixedKeyRecord<PatientContact, byte[]> record) {
			this.context.forward(record.withValue(read(record.headers(), record.value())));
		}

	}

}
