package com.geminihealth.notifications.delivery;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentState;
import com.geminihealth.schemas.appointment.AppointmentStatus;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.notification.NotificationSuppressed;
import com.geminihealth.schemas.reminder.DueNotice;
import com.geminihealth.schemas.reminder.ReminderDue;

/**
 * Each appointment as it stands now, from the decider's compacted appointment-states
 * topic, read in full and followed live by every instance: a notice the scheduler found
 * due, or a retry of one, is checked against it, since it may have been emitted before a
 * cancellation, a move or a no-show that came since.
 */
@Component
public class AppointmentStates extends TopicTable<AppointmentId, AppointmentState> {

	private final Map<AppointmentId, AppointmentState> states = new ConcurrentHashMap<>();

	AppointmentStates(KafkaAdmin admin) {
		super(admin, Topics.APPOINTMENT_STATES);
	}

	/**
	 * Why {@code notice} must not be sent, if the appointment no longer stands as it
	 * says: cancelled, marked no-show, moved since (another start or sequence) or, for a
	 * reminder, already over. An appointment with no state yet (one decided before the
	 * decider recorded states) is taken as the notice describes it.
	 */
	Optional<NotificationSuppressed.Reason> contradiction(DueNotice notice) {
		AppointmentState current = this.states.get(notice.appointmentId());
		if (current == null) {
			return Optional.empty();
		}
		Appointment now = current.appointment();
		Appointment noticed = notice.appointment();
		boolean moved = now.sequence() != noticed.sequence() || !now.start().equals(noticed.start());
		if (current.status() == AppointmentStatus.CANCELLED) {
			return Optional.of(NotificationSuppressed.Reason.APPOINTMENT_CANCELLED);
		}
		boolean noShow = current.status() == AppointmentStatus.NO_SHOW;
		boolean reminderTooLate = notice instanceof ReminderDue && current.status() == AppointmentStatus.COMPLETED;
		return (noShow || moved || reminderTooLate) ? Optional.of(NotificationSuppressed.Reason.APPOINTMENT_CHANGED)
				: Optional.empty();
	}

	@Override
	protected void apply(ConsumerRecord<AppointmentId, AppointmentState> record) {
		if (record.key() == null) {
			return;
		}
		if (record.value() == null) {
			this.states.remove(record.key());
		}
		else {
			this.states.put(record.key(), record.value());
		}
	}

}
