package com.geminihealth.notifications.delivery;

import java.time.Duration;
import java.time.Instant;

import com.geminihealth.schemas.appointment.AppointmentCompleted;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.appointment.AppointmentNoShow;
import com.geminihealth.schemas.reminder.ReminderDue;
import com.geminihealth.schemas.waitlist.WaitlistOffered;

/**
 * Until when a message is worth sending: a confirmation, change or reminder of an
 * appointment says nothing useful once the appointment has begun, nor a waitlist offer
 * once the time stops being held for the patient; anything else (a thank-you, an
 * inquiry's acknowledgement) stays useful, within the ceiling.
 */
final class Horizon {

	private Horizon() {
	}

	/**
	 * The horizon of a message triggered by {@code value} that first failed at
	 * {@code firstFailed}.
	 */
	static Instant of(Object value, Instant firstFailed, Duration ceiling) {
		Instant limit = firstFailed.plus(ceiling);
		Instant end = usefulUntil(value);
		return (end != null && end.isBefore(limit)) ? end : limit;
	}

	/**
	 * When the message triggered by {@code value} stops being of use (the start of the
	 * appointment it announces, the end of the offer it makes), or null when it has no
	 * such moment.
	 */
	static Instant usefulUntil(Object value) {
		if (value instanceof ReminderDue reminder) {
			return reminder.appointment().start();
		}
		if (value instanceof AppointmentEvent event && !(event instanceof AppointmentCompleted)
				&& !(event instanceof AppointmentNoShow) && event.appointment() != null) {
			return event.appointment().start();
		}
		if (value instanceof WaitlistOffered offered) {
			return offered.expiresAt();
		}
		return null;
	}

}
