package com.geminihealth.intake.decider;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import com.geminihealth.schemas.EventType;
import com.geminihealth.schemas.Json;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.CommandRejected;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.BookAppointment;
import com.geminihealth.schemas.booking.CommandId;

/**
 * The answer to a command that broke the contract, addressed where its sender waits for
 * the decision: a booking request by its request id (the status URL's id), any other
 * command by the appointment it names. The ids are read best-effort from the JSON, and
 * only when well formed, since the JSON is known to be broken.
 */
final class Rejection {

	/** A UUID in its canonical form; {@link UUID#fromString} also takes "1-1-1-1-1". */
	private static final Pattern UUID_FORM = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final String BOOK = BookAppointment.class.getSimpleName();

	private Rejection() {
	}

	/**
	 * The rejection of a record of type {@code ceType} whose value is {@code json}, for
	 * {@code detail}; empty when no sender can be named, and then only the dead letter
	 * tells. That is when the value is not JSON, when the id the sender would follow is
	 * missing or no UUID, and when the type is unknown: then which id the sender follows
	 * is a guess.
	 */
	static Optional<CommandRejected> of(String ceType, byte[] json, String detail) {
		Optional<String> command = Topics.BOOKING_COMMANDS.eventTypes()
			.stream()
			.filter((type) -> type.ceType().equals(ceType))
			.map(EventType::name)
			.findFirst();
		Optional<JsonNode> tree = command.flatMap((ignored) -> tree(json));
		if (tree.isEmpty()) {
			return Optional.empty();
		}
		boolean booking = BOOK.equals(command.get());
		return uuid(tree.get(), booking ? "requestId" : "appointmentId").map((id) -> new CommandRejected(
				booking ? null : uuid(tree.get(), "commandId").map(CommandId::new).orElse(null), new AppointmentId(id),
				command.get(), CommandRejected.Reason.INVALID_COMMAND, detail));
	}

	/** Whether the rejection answers a booking request, which has a status of its own. */
	static boolean answersABookingRequest(CommandRejected rejected) {
		return BOOK.equals(rejected.command());
	}

	private static Optional<JsonNode> tree(byte[] json) {
		if (json == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(Json.MAPPER.readTree(json));
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

	private static Optional<UUID> uuid(JsonNode command, String field) {
		JsonNode id = command.path(field);
		return (id.isString() && UUID_FORM.matcher(id.asString()).matches())
				? Optional.of(UUID.fromString(id.asString())) : Optional.empty();
	}

}
