package com.geminihealth.schemas.waitlist;

import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.booking.BookingCommand;
import com.geminihealth.schemas.booking.CommandId;
import com.geminihealth.schemas.booking.LocationId;

/**
 * The patient takes the slot a waitlist offer holds for them. {@code offer} is the
 * appointment the slot becomes if the claim wins: it is confirmed like any booking, or
 * the offer closes as lost (expired, or the slot taken meanwhile).
 */
public record ClaimWaitlistOffer(CommandId commandId, LocationId location, AppointmentId offer,
		Author author) implements BookingCommand {

}
