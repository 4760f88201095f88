package com.geminihealth.reminders.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.reminder.Channel;

/**
 * One reminder of a policy, in one of two forms: {@code before} an elapsed time before
 * the start ({@code 24h}: exactly 24 hours earlier, even across a DST change), or
 * {@code days-before} a number of calendar days earlier at a local time {@code at} ("day
 * before at 18:00"); without {@code at}, at the appointment's own local time.
 *
 * @param name what the rule is called on the notices it sets, such as {@code sms-2h}
 * @param channel how the reminder reaches the patient
 * @param before elapsed time before the start
 * @param daysBefore calendar days before the start, in the location's zone
 * @param at local time of day for {@code days-before}
 */
public record ReminderRule(@NotBlank String name, @NotNull Channel channel, Duration before,
		@Positive Integer daysBefore, LocalTime at) {

	@AssertTrue(message = "a reminder rule needs exactly one of before and days-before")
	boolean isOneForm() {
		return (this.before != null) != (this.daysBefore != null);
	}

	public static ReminderRule before(String name, Channel channel, Duration before) {
		return new ReminderRule(name, channel, before, null, null);
	}

	public static ReminderRule daysBefore(String name, Channel channel, int days, LocalTime at) {
		return new ReminderRule(name, channel, null, days, at);
	}

	/** When this rule wants its reminder, before quiet hours are applied. */
	public Instant dueFor(Appointment appointment) {
		if (this.before != null) {
			return appointment.start().minus(this.before);
		}
		ZonedDateTime start = appointment.start().atZone(appointment.zone());
		ZonedDateTime day = start.minusDays(this.daysBefore);
		return ((this.at != null) ? day.with(this.at) : day).toInstant();
	}

}
