package com.geminihealth.dashboard.privacy;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.geminihealth.dashboard.plan.TreatmentPlans;
import com.geminihealth.dashboard.today.Schedule;
import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.privacy.ErasureId;
import com.geminihealth.schemas.privacy.ErasureRequested;

/**
 * For the operations role only: find a patient by email address or phone number, confirm,
 * and ask every service to erase their personal data. The request names both contacts the
 * dashboard knows for the patient, as services key what they keep by either.
 */
@Controller
class ErasureController {

	private static final Logger logger = LoggerFactory.getLogger(ErasureController.class);

	private static final Pattern PHONE = Pattern.compile("\\+[1-9]\\d{7,14}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final Schedule schedule;

	private final EventPublisher publisher;

	private final TreatmentPlans plans;

	ErasureController(Schedule schedule, EventPublisher publisher, TreatmentPlans plans) {
		this.schedule = schedule;
		this.publisher = publisher;
		this.plans = plans;
	}

	@GetMapping("/erasure")
	String find(@RequestParam(required = false) String contact, Model model) {
		if (contact == null || contact.isBlank()) {
			return "erasure";
		}
		String value = normalised(contact);
		if (!PHONE.matcher(value).matches() && !EMAIL.matcher(value).matches()) {
			model.addAttribute("problem", "Enter an email address or a mobile phone in +1... form.");
			return "erasure";
		}
		List<Appointment> appointments = this.schedule.appointmentsOf(value);
		Patient patient = appointments.isEmpty() ? null : appointments.get(0).patient();
		boolean phone = PHONE.matcher(value).matches();
		model.addAttribute("contact", value);
		model.addAttribute("patient", patient);
		model.addAttribute("appointments", appointments.size());
		model.addAttribute("email",
				(patient != null && patient.email() != null) ? patient.email() : phone ? null : value);
		model.addAttribute("phone",
				(patient != null && patient.mobilePhone() != null) ? patient.mobilePhone() : phone ? value : null);
		return "erasure";
	}

	@PostMapping("/erasure")
	String erase(@RequestParam(required = false) String email, @RequestParam(required = false) String phone,
			Principal user, RedirectAttributes redirect) {
		String address = blankToNull(email);
		String number = blankToNull(phone);
		if ((address == null && number == null) || (address != null && !EMAIL.matcher(address).matches())
				|| (number != null && !PHONE.matcher(number).matches())) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"an erasure needs an email address, a phone number in +1... form, or both");
		}
		ErasureRequested erasure = new ErasureRequested(ErasureId.random(), address, number, user.getName(),
				Instant.now());
		this.publisher.publish(Topics.ERASURES, erasure.erasureId(), erasure);
		// The dashboard is the one writer of treatment plans: their tombstones are its to
		// write.
		int plans = this.plans.erase(erasure);
		logger.info("Erasure {} requested by {}; {} treatment-plan keys tombstoned", erasure.erasureId(),
				user.getName(), plans);
		redirect.addFlashAttribute("message", "Erasure " + erasure.erasureId()
				+ " requested: every service removes the patient's personal data as it reads it.");
		return "redirect:/erasure";
	}

	private static String normalised(String contact) {
		return contact.strip().replace(" ", "");
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : normalised(text);
	}

}
