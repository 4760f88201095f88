package com.geminihealth.intake.twilio;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.geminihealth.intake.IntakeIntegrationTest;
import com.geminihealth.intake.KafkaTopics;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.notification.DeliveryReport;
import com.geminihealth.schemas.notification.NotificationId;
import com.geminihealth.schemas.reminder.Channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntakeIntegrationTest
class DeliveryStatusIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	KafkaTopics kafka;

	@Test
	void passesTwiliosFinalWordOnATextToTheNotificationsService() throws Exception {
		String notification = UUID.randomUUID() + ":appointment-confirmed:sms";

		report(notification, "sent", null).andExpect(status().isNoContent());
		report(notification, "undelivered", "30003").andExpect(status().isNoContent());

		assertThat(reportsFor(notification)).singleElement().satisfies((report) -> {
			assertThat(report.status()).isEqualTo(DeliveryReport.Status.UNDELIVERED);
			assertThat(report.errorCode()).isEqualTo("30003");
			assertThat(report.providerId()).isEqualTo("SM0123");
			assertThat(report.channel()).isEqualTo(Channel.SMS);
		});
	}

	@Test
	void refusesAReportNotSignedByTwilioOrSignedForAnotherNotification() throws Exception {
		String notification = UUID.randomUUID() + ":appointment-confirmed:sms";
		Map<String, String> form = Map.of("MessageSid", "SM0123", "MessageStatus", "delivered");

		this.mvc.perform(request(notification, form)).andExpect(status().isForbidden());
		this.mvc
			.perform(request(notification, form).header("X-Twilio-Signature",
					TwilioSigning.sign("another-token", url(notification), form)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(request(notification, form).header("X-Twilio-Signature",
					TwilioSigning.sign(TwilioSigning.TOKEN, url(UUID.randomUUID() + ":other:sms"), form)))
			.andExpect(status().isForbidden());

		assertThat(reportsFor(notification)).isEmpty();
	}

	private ResultActions report(String notification, String status, String errorCode) throws Exception {
		Map<String, String> form = (errorCode != null)
				? Map.of("MessageSid", "SM0123", "MessageStatus", status, "ErrorCode", errorCode)
				: Map.of("MessageSid", "SM0123", "MessageStatus", status);
		return this.mvc.perform(request(notification, form).header("X-Twilio-Signature",
				TwilioSigning.sign(TwilioSigning.TOKEN, url(notification), form)));
	}

	private static MockHttpServletRequestBuilder request(String notification, Map<String, String> form) {
		MockHttpServletRequestBuilder request = post("/twilio/status?notification={id}", notification)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED);
		form.forEach(request::param);
		return request;
	}

	private static String url(String notification) {
		return "http://localhost/twilio/status?notification=" + notification;
	}

	private List<DeliveryReport> reportsFor(String notification) {
		NotificationId id = new NotificationId(notification);
		return this.kafka.read(Topics.DELIVERY_REPORTS)
			.stream()
			.filter((record) -> id.equals(record.key()))
			.map(ConsumerRecord::value)
			.toList();
	}

}
