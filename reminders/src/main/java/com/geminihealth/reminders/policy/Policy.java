package com.geminihealth.reminders.policy;

import java.util.List;

import jakarta.validation.Valid;

/**
 * A reminder policy, or an override of one for a location or a service: a field left out
 * is inherited from the broader policy.
 *
 * @param rules the reminders before each appointment
 * @param quietHours when no SMS goes out
 * @param skipRemindersWhenConfirmed whether a patient's "C" reply cancels the reminders
 * still to come for that appointment
 */
public record Policy(List<@Valid ReminderRule> rules, @Valid QuietHours quietHours,
		Boolean skipRemindersWhenConfirmed) {

	/** This policy with every field it leaves out taken from {@code broader}. */
	Policy over(Policy broader) {
		if (broader == null) {
			return this;
		}
		return new Policy((this.rules != null) ? this.rules : broader.rules,
				(this.quietHours != null) ? this.quietHours : broader.quietHours,
				(this.skipRemindersWhenConfirmed != null) ? this.skipRemindersWhenConfirmed
						: broader.skipRemindersWhenConfirmed);
	}

}
