package com.geminihealth.notifications.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.geminihealth.schemas.CloudEvents;

/**
 * What a record that calls for a notification tells its delivery: the event's CloudEvents
 * id, which names the notification, and which attempt at sending it this handling is, so
 * that its outcome says so even when the record came back from the retry stream.
 *
 * @param eventId the triggering event's {@code ce_id}
 * @param attempt 1 for the first try
 */
public record Trigger(String eventId, int attempt) {

	public static Trigger of(ConsumerRecord<?, ?> record) {
		return new Trigger(CloudEvents.header(record.headers(), CloudEvents.ID), NotificationRetries.attempt(record));
	}

}
