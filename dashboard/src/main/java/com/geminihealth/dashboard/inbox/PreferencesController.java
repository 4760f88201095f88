package com.geminihealth.dashboard.inbox;

import java.time.Instant;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.patient.OptedIn;
import com.geminihealth.schemas.patient.OptedOut;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.patient.PatientReply;
import com.geminihealth.schemas.patient.ReplySource;
import com.geminihealth.schemas.reminder.Channel;

/**
 * A patient who asks the front desk (by phone, at the counter, or by answering a
 * List-Unsubscribe mail) to stop or resume messages on a channel: the preference goes
 * onto the patient-reply stream, where the notifications service honours it at once.
 */
@Controller
class PreferencesController {

	private static final Pattern PHONE = Pattern.compile("\\+[1-9]\\d{7,14}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final EventPublisher publisher;

	PreferencesController(EventPublisher publisher) {
		this.publisher = publisher;
	}

	@PostMapping("/inbox/preferences")
	String set(@RequestParam String contact, @RequestParam Channel channel, @RequestParam boolean optOut,
			RedirectAttributes redirect) {
		String value = contact.strip().replace(" ", "");
		boolean phone = PHONE.matcher(value).matches();
		if (!phone && !EMAIL.matcher(value).matches() || phone != (channel == Channel.SMS)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"a text preference needs a phone number in +1... form, an email preference an email address");
		}
		PatientContact who = new PatientContact(value);
		PatientReply preference = optOut ? new OptedOut(who, channel, null, ReplySource.FRONT_DESK, Instant.now())
				: new OptedIn(who, channel, null, ReplySource.FRONT_DESK, Instant.now());
		this.publisher.publish(Topics.PATIENT_REPLIES, who, preference);
		redirect.addFlashAttribute("preferenceSaved", (optOut ? "No more " : "Messages resumed: ")
				+ channel.name().toLowerCase() + (optOut ? " messages for " : " for ") + who);
		return "redirect:/inbox";
	}

}
