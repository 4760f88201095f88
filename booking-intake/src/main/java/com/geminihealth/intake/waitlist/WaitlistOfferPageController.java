package com.geminihealth.intake.waitlist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.geminihealth.intake.manage.AppointmentPaths;
import com.geminihealth.intake.manage.PatientAccess;
import com.geminihealth.intake.manage.WaitlistOffer;
import com.geminihealth.intake.web.PageLanguage;
import com.geminihealth.platform.clinic.ClinicProperties;

/**
 * The page of a time the waitlist offered a patient, reached by the link in the offer:
 * the time and how long it is held, with one button to book it; then, asking again every
 * second until the decider has answered, that it is theirs (with their appointment's own
 * page) or that it went to someone else. A link that opens nothing gets the manage page's
 * answer, and nothing else.
 */
@Controller
class WaitlistOfferPageController {

	/**
	 * How many times, a second apart, the page asks again after a claim before it says
	 * the answer will come by email or text.
	 */
	static final int PATIENCE = 30;

	private final PatientAccess access;

	private final WaitlistIntake intake;

	private final ClinicProperties clinic;

	private final Clock clock;

	WaitlistOfferPageController(PatientAccess access, WaitlistIntake intake, ClinicProperties clinic, Clock clock) {
		this.access = access;
		this.intake = intake;
		this.clinic = clinic;
		this.clock = clock;
	}

	static String page(String token) {
		return "/waitlist/offers/" + token;
	}

	@GetMapping("/waitlist/offers/{token}")
	String show(@PathVariable String token, @RequestParam(required = false) Integer claiming,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<WaitlistOffer> opened = this.access.offer(token, false);
		if (opened.isEmpty()) {
			return unknown(response, model);
		}
		WaitlistOffer offer = opened.get();
		PageLanguage.usePatients(offer.language(), request);
		Instant now = this.clock.instant();
		String state = switch (offer.status()) {
			case "OFFERED" -> (claiming != null) ? "CLAIMING" : (offer.claimable(now) ? "OFFERED" : "OFFER_EXPIRED");
			case "CONFIRMED", "OFFER_EXPIRED", "OFFER_LOST" -> offer.status();
			// Claimed, then cancelled or seen: the appointment's own page tells.
			default -> null;
		};
		if (state == null) {
			return "redirect:" + AppointmentPaths.page(token);
		}
		if ("CLAIMING".equals(state)) {
			int waited = Math.max(claiming, 0);
			if (waited < PATIENCE) {
				model.addAttribute("refresh", page(token) + "?claiming=" + (waited + 1));
			}
			model.addAttribute("slow", waited >= PATIENCE);
		}
		model.addAttribute("clinic", this.clinic);
		model.addAttribute("token", token);
		model.addAttribute("state", state);
		model.addAttribute("offer", offer);
		model.addAttribute("location", this.clinic.locations().get(offer.location()));
		model.addAttribute("service", this.clinic.services().get(offer.service()));
		model.addAttribute("minutesLeft",
				Math.max(1, (Duration.between(now, offer.heldUntil()).toSeconds() + 59) / 60));
		// The same link opens the appointment's page, while it stays at its first time.
		model.addAttribute("managePage", (offer.sequence() == 0) ? AppointmentPaths.page(token) : null);
		model.addAttribute("languagePath", page(token));
		return "waitlist-offer";
	}

	@PostMapping("/waitlist/offers/{token}/claim")
	String claim(@PathVariable String token, HttpServletResponse response, Model model) {
		Optional<WaitlistOffer> opened = this.access.offer(token, false);
		if (opened.isEmpty()) {
			return unknown(response, model);
		}
		if (!opened.get().claimable(this.clock.instant())) {
			// Gone or closed meanwhile: the page says how.
			return "redirect:" + page(token);
		}
		this.intake.claim(opened.get());
		return "redirect:" + page(token) + "?claiming=0";
	}

	private String unknown(HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("clinic", this.clinic);
		return "manage-unknown";
	}

}
