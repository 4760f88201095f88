package com.geminihealth.reminders.scheduler;

import java.util.ArrayList;
import java.util.List;

/**
 * The appointments of one patient that a notice was published for.
 *
 * @param appointmentIds their ids, oldest first
 */
record NoticedAppointments(List<String> appointmentIds) {

	static final NoticedAppointments NONE = new NoticedAppointments(List.of());

	boolean contains(String appointmentId) {
		return this.appointmentIds.contains(appointmentId);
	}

	NoticedAppointments with(String appointmentId) {
		List<String> more = new ArrayList<>(this.appointmentIds);
		more.add(appointmentId);
		return new NoticedAppointments(List.copyOf(more));
	}

}
