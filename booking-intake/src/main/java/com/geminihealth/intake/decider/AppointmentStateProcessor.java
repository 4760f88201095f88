package com.geminihealth.intake.decider;

import java.time.Instant;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import com.geminihealth.schemas.appointment.AppointmentCancelled;
import com.geminihealth.schemas.appointment.AppointmentCompleted;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.appointment.AppointmentNoShow;
import com.geminihealth.schemas.appointment.AppointmentRescheduled;
import com.geminihealth.schemas.appointment.AppointmentState;
import com.geminihealth.schemas.appointment.AppointmentStatus;
import com.geminihealth.schemas.booking.AppointmentId;

/**
 * The appointment as it stands after each decision that changed it. Declines, refused
 * reschedules and rejections change no appointment, so they leave no state: its compacted
 * topic keeps the last one that did.
 */
class AppointmentStateProcessor implements FixedKeyProcessor<AppointmentId, AppointmentEvent, AppointmentState> {

	private FixedKeyProcessorContext<AppointmentId, AppointmentState> context;

	@Override
	public void init(FixedKeyProcessorContext<AppointmentId, AppointmentState> context) {
		this.context = context;
	}

	@Override
	public void process(FixedKeyRecord<AppointmentId, AppointmentEvent> record) {
		AppointmentState state = stateAfter(record.value(), Instant.ofEpochMilli(record.timestamp()));
		if (state != null) {
			this.context.forward(record.withValue(state));
		}
	}

	static AppointmentState stateAfter(AppointmentEvent event, Instant changedAt) {
		if (event instanceof AppointmentConfirmed confirmed) {
			return new AppointmentState(confirmed.appointment(), AppointmentStatus.CONFIRMED, changedAt);
		}
		if (event instanceof AppointmentRescheduled rescheduled) {
			return new AppointmentState(rescheduled.appointment(), AppointmentStatus.CONFIRMED, changedAt);
		}
		if (event instanceof AppointmentCancelled cancelled) {
			return new AppointmentState(cancelled.appointment(), AppointmentStatus.CANCELLED, changedAt);
		}
		if (event instanceof AppointmentCompleted completed) {
			return new AppointmentState(completed.appointment(), AppointmentStatus.COMPLETED, changedAt);
		}
		if (event instanceof AppointmentNoShow noShow) {
			return new AppointmentState(noShow.appointment(), AppointmentStatus.NO_SHOW, changedAt);
		}
		return null;
	}

	/** The status an appointment whose request stands at {@code state} has. */
	static AppointmentStatus statusOf(RequestStatus.State state) {
		return switch (state) {
			case CANCELLED -> AppointmentStatus.CANCELLED;
			case COMPLETED -> AppointmentStatus.COMPLETED;
			case NO_SHOW -> AppointmentStatus.NO_SHOW;
			default -> AppointmentStatus.CONFIRMED;
		};
	}

}
