package com.geminihealth.reminders.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.reminder.Channel;

/**
 * The clinic's reminder and follow-up policy. The most specific policy wins field by
 * field: location and service together ({@code "burlington/chiro-visit"}), then the
 * service, then the location, then {@code policy}.
 *
 * @param tick how often the scheduler looks for what is due
 * @param policy the clinic-wide policy
 * @param locations overrides per location id
 * @param services overrides per service id
 * @param combinations overrides per {@code location/service}
 * @param followUps what happens after a session
 */
@Validated
@ConfigurationProperties("reminders")
public record RemindersProperties(@DefaultValue("200ms") @NotNull Duration tick, @Valid @NotNull Policy policy,
		Map<String, @Valid Policy> locations, Map<String, @Valid Policy> services,
		Map<String, @Valid Policy> combinations, @Valid @NotNull FollowUps followUps) {

	public RemindersProperties {
		locations = (locations != null) ? locations : Map.of();
		services = (services != null) ? services : Map.of();
		combinations = (combinations != null) ? combinations : Map.of();
	}

	/** The policy for one appointment, every field resolved. */
	public Policy policyFor(Appointment appointment) {
		String location = appointment.location().value();
		String service = appointment.service().value();
		Policy resolved = this.policy;
		resolved = over(this.locations.get(location), resolved);
		resolved = over(this.services.get(service), resolved);
		resolved = over(this.combinations.get(location + "/" + service), resolved);
		return resolved;
	}

	private static Policy over(Policy specific, Policy broader) {
		return (specific != null) ? specific.over(broader) : broader;
	}

	/**
	 * The reminders to schedule for an appointment booked (or moved) at {@code bookedAt}:
	 * each rule's time with quiet hours applied to SMS; a reminder whose time has already
	 * passed at booking is left out.
	 */
	public List<Planned> plan(Appointment appointment, Instant bookedAt) {
		Policy policy = policyFor(appointment);
		List<Planned> planned = new ArrayList<>();
		for (ReminderRule rule : (policy.rules() != null) ? policy.rules() : List.<ReminderRule>of()) {
			Instant due = rule.dueFor(appointment);
			if (rule.channel() == Channel.SMS && policy.quietHours() != null) {
				due = policy.quietHours().adjust(due, appointment.zone());
			}
			if (due.isAfter(bookedAt)) {
				planned.add(new Planned(rule.name(), rule.channel(), due));
			}
		}
		return planned;
	}

	public boolean skipRemindersWhenConfirmed(Appointment appointment) {
		return Boolean.TRUE.equals(policyFor(appointment).skipRemindersWhenConfirmed());
	}

	/** A reminder the policy asks for. */
	public record Planned(String rule, Channel channel, Instant dueAt) {
	}

}
