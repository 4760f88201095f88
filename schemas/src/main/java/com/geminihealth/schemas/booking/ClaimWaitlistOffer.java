package com.geminihealth.schemas.booking;

/**
 * The patient takes the slot a waitlist offer holds for them. {@code offer} is the
 * appointment the slot becomes if the claim wins: it is confirmed like any booking, or
 * the offer closes as lost (expired, or the slot taken meanwhile).
 */
public record ClaimWaitlistOffer(CommandId commandId, LocationId location, AppointmentId offer,
		Author author) implements BookingCommand {

}
