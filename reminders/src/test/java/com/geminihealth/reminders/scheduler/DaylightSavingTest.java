package com.geminihealth.reminders.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.geminihealth.reminders.policy.Policy;
import com.geminihealth.reminders.policy.ReminderRule;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.reminder.Channel;
import com.geminihealth.schemas.reminder.DueNotice;
import com.geminihealth.schemas.reminder.ReminderDue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders across Toronto's DST changes. "24h" is elapsed time, so on the day the clocks
 * spring forward it comes at 08:00 the day before, and on the day they fall back at
 * 10:00; "day before at 18:00" is local time, whatever the offset.
 */
class DaylightSavingTest {

	@ParameterizedTest(name = "appointment at 09:00 on {0}")
	@CsvSource({ "2026-03-08, 2026-03-07T13:00:00Z, 2026-03-07T23:00:00Z",
			"2026-11-01, 2026-10-31T14:00:00Z, 2026-10-31T22:00:00Z" })
	void firesThe24HourAndTheDayBeforeAt18RemindersAtTheRightInstants(String day, Instant twentyFourHoursBefore,
			Instant dayBeforeAt18) {
		LocalDateTime start = LocalDateTime.parse(day + "T09:00");
		Policy policy = new Policy(
				List.of(ReminderRule.before("email-24h", Channel.EMAIL, Duration.ofHours(24)),
						ReminderRule.daysBefore("email-day-before", Channel.EMAIL, 1, LocalTime.of(18, 0))),
				null, null);
		try (RemindersDriver reminders = new RemindersDriver(
				RemindersDriver.properties(Map.of("burlington", policy), Map.of(), false),
				start.minusDays(7).atZone(RemindersDriver.TORONTO).toInstant())) {
			reminders.send(new AppointmentConfirmed(RequestId.random(), RemindersDriver.appointment(start)));

			assertThat(reminders.advanceTo(twentyFourHoursBefore.minusMillis(1))).isEmpty();
			assertThat(fired(reminders.advanceTo(twentyFourHoursBefore))).containsExactly("email-24h");
			assertThat(reminders.advanceTo(dayBeforeAt18.minusMillis(1))).isEmpty();
			assertThat(fired(reminders.advanceTo(dayBeforeAt18))).containsExactly("email-day-before");
		}
	}

	private static List<String> fired(List<DueNotice> notices) {
		return notices.stream().map((notice) -> ((ReminderDue) notice).rule()).toList();
	}

}
