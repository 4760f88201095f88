package com.geminihealth.intake.integration;

import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.booking.BookingCommand;
import com.geminihealth.schemas.booking.CancelAppointment;
import com.geminihealth.schemas.booking.MarkCompleted;
import com.geminihealth.schemas.booking.MarkNoShow;
import com.geminihealth.schemas.booking.RescheduleAppointment;

/**
 * A signed command's author is the integration whose key signed it, whatever the body
 * claims: the signature is the only proof of who sent it.
 */
final class IntegrationAuthor {

	private IntegrationAuthor() {
	}

	static BookingCommand sign(BookingCommand command, String keyId) {
		Author author = Author.integration(keyId);
		if (command instanceof CancelAppointment cancel) {
			return new CancelAppointment(cancel.commandId(), cancel.location(), cancel.appointmentId(), cancel.reason(),
					author);
		}
		if (command instanceof RescheduleAppointment move) {
			return new RescheduleAppointment(move.commandId(), move.location(), move.appointmentId(), move.newStart(),
					move.practitioner(), author);
		}
		if (command instanceof MarkCompleted completed) {
			return new MarkCompleted(completed.commandId(), completed.location(), completed.appointmentId(),
					completed.homeCareNotes(), author);
		}
		if (command instanceof MarkNoShow noShow) {
			return new MarkNoShow(noShow.commandId(), noShow.location(), noShow.appointmentId(), author);
		}
		// A booking is authored by its patient; its channel says it came from an
		// integration.
		return command;
	}

}
