package com.geminihealth.intake.decider;

import java.time.Instant;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.appointment.CommandRejected;
import com.geminihealth.schemas.booking.AppointmentId;

/**
 * Sends the rejection of a command that broke the contract to the appointments stream,
 * and records it as the status of a booking request, so that its status URL says REJECTED
 * and why instead of PENDING for ever. An appointment's status stays as it is: a broken
 * command about it changed nothing. So does a request already decided.
 */
class RejectionProcessor implements Processor<byte[], CheckedCommand, AppointmentId, AppointmentEvent> {

	private ProcessorContext<AppointmentId, AppointmentEvent> context;

	private final DeciderProperties.Retention retention;

	private Requests requests;

	RejectionProcessor(DeciderProperties.Retention retention) {
		this.retention = retention;
	}

	@Override
	public void init(ProcessorContext<AppointmentId, AppointmentEvent> context) {
		this.context = context;
		this.requests = Requests.of(context, this.retention);
	}

	@Override
	public void process(Record<byte[], CheckedCommand> record) {
		CommandRejected rejected = record.value().rejection();
		if (rejected == null) {
			return;
		}
		if (Rejection.answersABookingRequest(rejected)) {
			String request = rejected.appointmentId().value();
			RequestStatus known = this.requests.get(request);
			if (known == null || known.state() == RequestStatus.State.REJECTED) {
				this.requests.put(request, RequestStatus.rejected(rejected, Instant.ofEpochMilli(record.timestamp())));
			}
		}
		this.context.forward(new Record<>(rejected.appointmentId(), rejected, record.timestamp()));
	}

}
