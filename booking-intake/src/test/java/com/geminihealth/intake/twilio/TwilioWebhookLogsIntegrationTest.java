package com.geminihealth.intake.twilio;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import com.geminihealth.intake.IntakeApplication;
import com.geminihealth.intake.IntakeIntegrationTest;
import com.geminihealth.intake.KafkaTopics;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.patient.FreeTextReply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhooks behind a real servlet container, because the container decodes the form,
 * enforces its limits and logs what escapes the application, and MockMvc does none of
 * that. The decider does not start here: this context must not join the shared one's
 * Kafka Streams group.
 */
@SpringBootTest(classes = IntakeApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + IntakeApplication.CONFIG_NAME,
				"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"pipeline.data-dir=target/test-data/${random.uuid}", "spring.kafka.streams.auto-startup=false",
				"intake.twilio.auth-token=" + TwilioSigning.TOKEN, "logging.structured.format.console=",
				"pipeline.manage-links.secret=" + IntakeIntegrationTest.MANAGE_LINK_SECRET })
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@Import(KafkaTopics.class)
class TwilioWebhookLogsIntegrationTest {

	static final String BODY = "my left knee still hurts after the session";

	static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	KafkaTopics kafka;

	@Test
	void refusesAFormThatIsNotUtf8WithoutLoggingTheSendersNumberOrText(CapturedOutput output) throws Exception {
		String body = "From=%2B1289555%FF0177&Body=" + URLEncoder.encode(BODY, StandardCharsets.UTF_8);

		HttpResponse<String> answer = post("/twilio/inbound", body, Map.of("From", "+1289555\uFFFD0177", "Body", BODY));

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(output.getAll()).doesNotContain("1289555").doesNotContain(BODY);
		assertThat(this.kafka.values(Topics.PATIENT_REPLIES))
			.noneMatch((reply) -> reply instanceof FreeTextReply text && text.body().equals(BODY));
	}

	@Test
	void refusesMalformedRepliesWithoutAServerErrorOrLoggingTheirFields(CapturedOutput output) throws Exception {
		String longerThanTwilioSends = BODY + " " + "x".repeat(2000);
		String megabyte = BODY + " " + "x".repeat(1024 * 1024);

		assertThat(post("/twilio/inbound", Map.of("From", "", "Body", BODY)).statusCode()).isEqualTo(400);
		assertThat(post("/twilio/inbound", Map.of("Body", BODY)).statusCode()).isEqualTo(400);
		assertThat(post("/twilio/inbound", Map.of("From", "+12895550177", "Body", longerThanTwilioSends)).statusCode())
			.isEqualTo(413);
		assertThat(post("/twilio/inbound", Map.of("From", "+12895550177", "Body", megabyte)).statusCode())
			.isEqualTo(413);

		assertThat(output.getAll()).doesNotContain("2895550177").doesNotContain(BODY);
	}

	@Test
	void refusesAnOversizedMessageSidWithoutAServerErrorOrLoggingIt(CapturedOutput output) throws Exception {
		// Short, so that a log line quoting the report would reach the SID.
		String path = "/twilio/status?notification=n" + UUID.randomUUID().toString().substring(0, 6) + ":r:sms";
		// Under the door's body limit, so the webhook reads it; a megabyte is refused
		// before.
		String sid = "SM" + "5eed".repeat(4 * 1024);
		String megabyte = "SM" + "5eed".repeat(256 * 1024);

		assertThat(post(path, Map.of("MessageSid", sid, "MessageStatus", "delivered")).statusCode()).isEqualTo(400);
		assertThat(post(path, Map.of("MessageSid", megabyte, "MessageStatus", "delivered")).statusCode())
			.isEqualTo(413);

		assertThat(output.getAll()).doesNotContain(path.substring(path.indexOf('=') + 1)).doesNotContain("SM5eed");
	}

	@Test
	void refusesAnOversizedPageFormWithTheClinicsPageAndNoServerError(CapturedOutput output) throws Exception {
		String megabyte = "comment=" + "x".repeat(1024 * 1024) + "&score=5";
		for (String page : new String[] { "/waitlist", "/contact", "/feedback/" + "A".repeat(44) }) {
			HttpResponse<String> answer = HTTP
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + page))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("Accept", "text/html")
					.POST(HttpRequest.BodyPublishers.ofString(megabyte))
					.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(answer.statusCode()).as(page).isEqualTo(413);
			assertThat(answer.body()).as(page).contains("Gemini Health").doesNotContain("Apache Tomcat");
		}
		assertThat(output.getAll()).doesNotContain("InvalidParameterException").doesNotContain("xxxxxxxxxx");
	}

	private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
		String body = form.entrySet()
			.stream()
			.map((field) -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return post(path, body, form);
	}

	private HttpResponse<String> post(String path, String body, Map<String, String> signed) throws Exception {
		String url = "http://localhost:" + this.port + path;
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Twilio-Signature", TwilioSigning.sign(TwilioSigning.TOKEN, url, signed))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
