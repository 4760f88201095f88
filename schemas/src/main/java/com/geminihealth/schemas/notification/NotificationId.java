package com.geminihealth.schemas.notification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.geminihealth.schemas.Id;
import com.geminihealth.schemas.booking.Ids;
import com.geminihealth.schemas.reminder.Channel;

/**
 * One message to one patient on one channel: the source event's id, the purpose and the
 * channel. Deterministic, so a redelivered trigger maps to the same id and is sent once.
 */
public record NotificationId(@JsonValue String value) implements Id {

	@JsonCreator
	public NotificationId {
		Ids.requireText(value, "notification id");
	}

	public static NotificationId of(String sourceEventId, String purpose, Channel channel) {
		return new NotificationId(sourceEventId + ":" + purpose + ":" + channel.name().toLowerCase());
	}

	/**
	 * What the message is for: the part between the source event's id and the channel.
	 */
	public String purpose() {
		int first = this.value.indexOf(':');
		int last = this.value.lastIndexOf(':');
		return (first >= 0 && last > first) ? this.value.substring(first + 1, last) : this.value;
	}

}
