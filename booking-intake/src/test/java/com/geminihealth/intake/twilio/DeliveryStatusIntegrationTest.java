package com.geminihealth.intake.twilio;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponentsBuilder;

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
		String sid = messageSid();

		report(notification, Map.of("MessageSid", sid, "MessageStatus", "sent")).andExpect(status().isNoContent());
		report(notification, Map.of("MessageSid", sid, "MessageStatus", "undelivered", "ErrorCode", "30003"))
			.andExpect(status().isNoContent());

		assertThat(reportsFor(notification)).singleElement().satisfies((report) -> {
			assertThat(report.status()).isEqualTo(DeliveryReport.Status.UNDELIVERED);
			assertThat(report.errorCode()).isEqualTo("30003");
			assertThat(report.providerId()).isEqualTo(sid);
			assertThat(report.channel()).isEqualTo(Channel.SMS);
		});
	}

	@Test
	void refusesAReportNotSignedByTwilioOrSignedForAnotherNotification() throws Exception {
		String notification = UUID.randomUUID() + ":appointment-confirmed:sms";
		Map<String, String> form = Map.of("MessageSid", messageSid(), "MessageStatus", "delivered");

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

	@Test
	void refusesAnUnsignedReportBeforeLookingAtItsFields() throws Exception {
		Map<String, String> form = Map.of("MessageSid", "SM" + "0".repeat(1024 * 1024), "MessageStatus", "delivered");

		this.mvc.perform(request(" ", form)).andExpect(status().isForbidden());
	}

	@ParameterizedTest
	@NullAndEmptySource
	@MethodSource("notTwilioMessageSids")
	void refusesAReportWhoseMessageSidIsNotTwilios(String sid) throws Exception {
		String notification = UUID.randomUUID() + ":appointment-confirmed:sms";
		Map<String, String> form = new HashMap<>(Map.of("MessageStatus", "delivered"));
		if (sid != null) {
			form.put("MessageSid", sid);
		}

		report(notification, form).andExpect(status().isBadRequest());

		assertThat(reportsFor(notification)).isEmpty();
	}

	static Stream<String> notTwilioMessageSids() {
		String hex = "0123456789abcdef".repeat(2);
		return Stream.of("SM0123", "XX" + hex, "SM" + hex + "0", " SM" + hex, "SM" + hex.replace('f', 'g'),
				"SM" + "0".repeat(1024 * 1024));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@MethodSource("notOurNotificationIds")
	void refusesAReportForANotificationIdThatIsNotOurs(String notification) throws Exception {
		String sid = messageSid();

		report(notification, Map.of("MessageSid", sid, "MessageStatus", "delivered"))
			.andExpect(status().isBadRequest());

		assertThat(reportsOfMessage(sid)).isEmpty();
	}

	static Stream<String> notOurNotificationIds() {
		return Stream.of(" ", UUID.randomUUID() + ":appointment confirmed:sms",
				UUID.randomUUID() + ":appointment-confirmed:sms\u00a0", "n".repeat(201), "n".repeat(1024 * 1024));
	}

	@Test
	void refusesAReportWithoutAStatusOrWithAnErrorCodeThatIsNotTwilios() throws Exception {
		String notification = UUID.randomUUID() + ":appointment-confirmed:sms";

		report(notification, Map.of("MessageSid", messageSid())).andExpect(status().isBadRequest());
		report(notification, Map.of("MessageSid", messageSid(), "MessageStatus", "failed", "ErrorCode", "30003 or so"))
			.andExpect(status().isBadRequest());
		report(notification,
				Map.of("MessageSid", messageSid(), "MessageStatus", "failed", "ErrorCode", "3".repeat(1024 * 1024)))
			.andExpect(status().isBadRequest());

		assertThat(reportsFor(notification)).isEmpty();
	}

	/** A SID as Twilio makes them: SM and 32 hexadecimal digits. */
	private static String messageSid() {
		return "SM" + UUID.randomUUID().toString().replace("-", "");
	}

	private ResultActions report(String notification, Map<String, String> form) throws Exception {
		return this.mvc.perform(request(notification, form).header("X-Twilio-Signature",
				TwilioSigning.sign(TwilioSigning.TOKEN, url(notification), form)));
	}

	private static MockHttpServletRequestBuilder request(String notification, Map<String, String> form) {
		MockHttpServletRequestBuilder request = post(uri(notification))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED);
		form.forEach(request::param);
		return request;
	}

	/**
	 * The callback URL the notifications service gives Twilio, without its id if null.
	 */
	private static URI uri(String notification) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/twilio/status");
		return ((notification != null) ? uri.queryParam("notification", notification) : uri).encode().build().toUri();
	}

	private static String url(String notification) {
		return "http://localhost" + uri(notification).toASCIIString();
	}

	private List<DeliveryReport> reportsFor(String notification) {
		NotificationId id = new NotificationId(notification);
		return this.kafka.read(Topics.DELIVERY_REPORTS)
			.stream()
			.filter((record) -> id.equals(record.key()))
			.map(ConsumerRecord::value)
			.toList();
	}

	private List<DeliveryReport> reportsOfMessage(String sid) {
		return this.kafka.values(Topics.DELIVERY_REPORTS)
			.stream()
			.filter((report) -> report.providerId().equals(sid))
			.toList();
	}

}
