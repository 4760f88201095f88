package com.geminihealth.reminders.policy;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.bind.DefaultValue;

import com.geminihealth.schemas.appointment.Appointment;

/**
 * After a session: a thank-you with home-care advice, then a follow-up at the interval
 * recommended for the service.
 *
 * @param grace how long after an appointment's end, without a cancellation or no-show,
 * the session counts as over even if nobody marked it completed
 * @param interval the follow-up interval after the session's end, unless the service has
 * its own
 * @param advice the home-care advice, unless the service has its own or the therapist
 * wrote notes
 * @param services per service id: its interval and advice
 */
public record FollowUps(@DefaultValue("2h") @NotNull Duration grace, @DefaultValue("28d") @NotNull Duration interval,
		@DefaultValue("Drink water, rest, and use gentle heat on sore spots.") @NotBlank String advice,
		Map<String, @Valid ServiceFollowUp> services) {

	public FollowUps {
		services = (services != null) ? services : Map.of();
	}

	public Duration intervalFor(Appointment appointment) {
		ServiceFollowUp service = this.services.get(appointment.service().value());
		return (service != null && service.interval() != null) ? service.interval() : this.interval;
	}

	/** The therapist's notes when there are any, otherwise the configured advice. */
	public String adviceFor(Appointment appointment, String therapistNotes) {
		if (therapistNotes != null && !therapistNotes.isBlank()) {
			return therapistNotes;
		}
		ServiceFollowUp service = this.services.get(appointment.service().value());
		return (service != null && service.advice() != null) ? service.advice() : this.advice;
	}

	/**
	 * @param interval when the follow-up falls due after the session's end
	 * @param advice the home-care advice for this service
	 */
	public record ServiceFollowUp(Duration interval, String advice) {
	}

}
