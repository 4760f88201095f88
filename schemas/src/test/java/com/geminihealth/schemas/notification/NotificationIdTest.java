package com.geminihealth.schemas.notification;

import org.junit.jupiter.api.Test;

import com.geminihealth.schemas.reminder.Channel;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationIdTest {

	@Test
	void isTheSourceEventThePurposeAndTheChannel() {
		NotificationId id = NotificationId.of("1c7a3f9b-5e2d-4b0f-9a4c-8d6e2b3f0c15", "appointment-reminder",
				Channel.SMS);

		assertThat(id.value()).isEqualTo("1c7a3f9b-5e2d-4b0f-9a4c-8d6e2b3f0c15:appointment-reminder:sms");
		assertThat(id.purpose()).isEqualTo("appointment-reminder");
	}

}
