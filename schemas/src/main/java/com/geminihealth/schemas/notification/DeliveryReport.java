package com.geminihealth.schemas.notification;

import java.time.Instant;

import com.geminihealth.schemas.reminder.Channel;

/**
 * What the provider reported about a message it accepted, as booking intake received it
 * from the provider's status webhook. The notifications service, the one writer of
 * outcomes, turns it into a delivered or failed outcome.
 *
 * @param notificationId the notification the report is about; also the record key
 * @param channel the message's channel
 * @param providerId the provider's id for the message (Twilio's message SID)
 * @param status the provider's final word
 * @param errorCode the provider's error code, when it gave one
 * @param at when the report arrived
 */
public record DeliveryReport(NotificationId notificationId, Channel channel, String providerId, Status status,
		String errorCode, Instant at) {

	/** The provider's final statuses; interim ones (queued, sent) are not reported. */
	public enum Status {

		DELIVERED, UNDELIVERED, FAILED

	}

}
