package com.geminihealth.dashboard.notification;

import java.time.Instant;

/**
 * A message as the notifications page lists it.
 *
 * @param message where it stands
 * @param sendable whether the front desk may send it again
 * @param sentAgainAt when the front desk last asked for it to be sent again, or null
 */
public record MessageRow(Outcomes.Message message, boolean sendable, Instant sentAgainAt) {
}
