package com.geminihealth.notifications.delivery;

import java.time.Duration;
import java.time.Instant;

import com.geminihealth.schemas.appointment.AppointmentCompleted;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.appointment.AppointmentNoShow;
import com.geminihealth.schemas.reminder.ReminderDue;

/**
 * Until when a message is worth sending: a confirmation, change or reminder of an
 * appointment says nothing useful once the appointment has begun; anything else (a
 * thank-you, an inquiry's acknowledgement) stays useful, within the ceiling.
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
		Instant start = appointmentStart(value);
		return (start != null && start.isBefore(limit)) ? start : limit;
	}

	/**
	 * The start of the appointment a message announces, or null when it announces none.
	 */
	static Instant appointmentStart(Object value) {
		if (value instanceof ReminderDue reminder) {
			return reminder.appointment().start();
		}
		if (value instanceof AppointmentEvent event && !(event instanceof AppointmentCompleted)
				&& !(event instanceof AppointmentNoShow) && event.appointment() != null) {
			return event.appointment().start();
		}
		return null;
	}

}
