package com.geminihealth.intake.twilio;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.intake.web.PhoneNumbers;
import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.patient.HelpRequested;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.patient.PatientReply;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * Twilio's inbound-SMS webhook: every reply becomes an event on the patient-reply stream,
 * keyed by the patient's number. HELP is answered at once. Requests whose
 * {@code X-Twilio-Signature} does not validate are refused with 403; then a sender that
 * is not a phone number, a missing body or one the contract refuses (an empty text) with
 * 400, and a text longer than Twilio sends with 413. Every answer, refusals included, is
 * TwiML, and a refused request publishes nothing.
 */
@RestController
@Hidden
class InboundSmsController {

	/**
	 * Twilio's limit on the text of one message: a longer body did not come from Twilio.
	 */
	private static final int MAX_BODY = 1600;

	private final TwilioSignature signatures;

	private final EventPublisher publisher;

	private final ClinicProperties clinic;

	private final Clock clock;

	InboundSmsController(TwilioSignature signatures, EventPublisher publisher, ClinicProperties clinic, Clock clock) {
		this.signatures = signatures;
		this.publisher = publisher;
		this.clinic = clinic;
		this.clock = clock;
	}

	@PostMapping(path = "/twilio/inbound", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = MediaType.APPLICATION_XML_VALUE)
	ResponseEntity<byte[]> inbound(@RequestHeader(name = "X-Twilio-Signature", required = false) String signature,
			HttpServletRequest request) {
		MultiValueMap<String, String> form = this.signatures.signedForm(request, signature).orElse(null);
		if (form == null) {
			return TwiML.empty(HttpStatus.FORBIDDEN);
		}
		String from = PhoneNumbers.toE164(form.getFirst("From")).orElse(null);
		String body = form.getFirst("Body");
		if (from == null || body == null) {
			return TwiML.empty(HttpStatus.BAD_REQUEST);
		}
		if (body.codePointCount(0, body.length()) > MAX_BODY) {
			return TwiML.empty(HttpStatus.CONTENT_TOO_LARGE);
		}
		PatientReply reply = Keywords.read(new PatientContact(from), body, this.clock.instant());
		if (!ContractGate.admits(Topics.PATIENT_REPLIES, reply)) {
			return TwiML.empty(HttpStatus.BAD_REQUEST);
		}
		this.publisher.publish(Topics.PATIENT_REPLIES, reply.contact(), reply);
		return (reply instanceof HelpRequested) ? TwiML.message(help()) : TwiML.empty(HttpStatus.OK);
	}

	private String help() {
		return this.clinic.name() + ": appointments and questions " + this.clinic.phone()
				+ ". Reply C to confirm a visit, STOP to opt out. / Rendez-vous et questions : " + this.clinic.phone()
				+ ". ARRET pour vous désabonner.";
	}

}
