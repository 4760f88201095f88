package com.geminihealth.intake.twilio;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.notification.DeliveryReport;
import com.geminihealth.schemas.notification.NotificationId;
import com.geminihealth.schemas.reminder.Channel;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * Twilio's status callback: the final word on each text (delivered, undelivered, failed)
 * goes onto the delivery-report stream for the notifications service, which owns the
 * outcomes. The notification is named in the callback URL the notifications service gave
 * Twilio. Interim statuses (queued, sent) are acknowledged and dropped. Requests whose
 * {@code X-Twilio-Signature} does not validate are refused with 403; then a notification
 * id, message SID, status or error code that is missing or not of the expected form with
 * 400, publishing nothing.
 */
@RestController
@Hidden
class DeliveryStatusController {

	private static final Map<String, DeliveryReport.Status> FINAL = Map.of("delivered", DeliveryReport.Status.DELIVERED,
			"undelivered", DeliveryReport.Status.UNDELIVERED, "failed", DeliveryReport.Status.FAILED);

	/** Twilio's message SIDs: SM for a text, MM for a picture message, 32 hex digits. */
	private static final Pattern MESSAGE_SID = Pattern.compile("(SM|MM)[0-9a-fA-F]{32}");

	/**
	 * The notifications service's ids, made of event ids and slugs: visible ASCII, so no
	 * whitespace of any alphabet (the contract allows none), and bounded, or a forged one
	 * could outgrow a Kafka record.
	 */
	private static final Pattern NOTIFICATION = Pattern.compile("[!-~]{1,200}");

	/** Twilio's error codes are numbers, such as 30003. */
	private static final Pattern ERROR_CODE = Pattern.compile("[0-9]{1,10}");

	private final TwilioSignature signatures;

	private final EventPublisher publisher;

	private final Clock clock;

	DeliveryStatusController(TwilioSignature signatures, EventPublisher publisher, Clock clock) {
		this.signatures = signatures;
		this.publisher = publisher;
		this.clock = clock;
	}

	@PostMapping("/twilio/status")
	ResponseEntity<Void> status(@RequestHeader(name = "X-Twilio-Signature", required = false) String signature,
			HttpServletRequest request) {
		MultiValueMap<String, String> form = this.signatures.signedForm(request, signature).orElse(null);
		if (form == null) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		String notification = form.getFirst("notification");
		String messageSid = form.getFirst("MessageSid");
		String status = form.getFirst("MessageStatus");
		String errorCode = StringUtils.hasText(form.getFirst("ErrorCode")) ? form.getFirst("ErrorCode") : null;
		if (!matches(NOTIFICATION, notification) || !matches(MESSAGE_SID, messageSid) || status == null
				|| (errorCode != null && !matches(ERROR_CODE, errorCode))) {
			return ResponseEntity.badRequest().build();
		}
		DeliveryReport.Status outcome = FINAL.get(status.toLowerCase(Locale.ROOT));
		if (outcome != null) {
			DeliveryReport report = new DeliveryReport(new NotificationId(notification), Channel.SMS, messageSid,
					outcome, errorCode, this.clock.instant());
			this.publisher.publish(Topics.DELIVERY_REPORTS, report.notificationId(), report);
		}
		return ResponseEntity.noContent().build();
	}

	private static boolean matches(Pattern pattern, String value) {
		return value != null && pattern.matcher(value).matches();
	}

}
