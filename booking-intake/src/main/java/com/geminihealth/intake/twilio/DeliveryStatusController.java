package com.geminihealth.intake.twilio;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
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
 * {@code X-Twilio-Signature} does not validate are refused with 403.
 */
@RestController
@Hidden
class DeliveryStatusController {

	private static final Map<String, DeliveryReport.Status> FINAL = Map.of("delivered", DeliveryReport.Status.DELIVERED,
			"undelivered", DeliveryReport.Status.UNDELIVERED, "failed", DeliveryReport.Status.FAILED);

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
		DeliveryReport.Status outcome = (status != null) ? FINAL.get(status.toLowerCase(Locale.ROOT)) : null;
		if (notification == null || notification.isBlank() || messageSid == null || messageSid.isBlank()) {
			return ResponseEntity.badRequest().build();
		}
		if (outcome != null) {
			DeliveryReport report = new DeliveryReport(new NotificationId(notification), Channel.SMS, messageSid,
					outcome, form.getFirst("ErrorCode"), this.clock.instant());
			this.publisher.publish(Topics.DELIVERY_REPORTS, report.notificationId(), report);
		}
		return ResponseEntity.noContent().build();
	}

}
