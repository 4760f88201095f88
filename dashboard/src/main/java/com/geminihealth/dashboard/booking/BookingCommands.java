package com.geminihealth.dashboard.booking;

import org.springframework.stereotype.Component;

import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.BookingCommand;

/**
 * Sends the front desk's booking commands to the decider, keyed by location as the
 * decider orders them, and returns once Kafka has each: the page that follows may say it
 * was sent.
 */
@Component
public class BookingCommands {

	private final EventPublisher publisher;

	BookingCommands(EventPublisher publisher) {
		this.publisher = publisher;
	}

	public void send(BookingCommand command) {
		this.publisher.publish(Topics.BOOKING_COMMANDS, command.location(), command);
	}

}
