package com.geminihealth.intake.waitlist;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import com.geminihealth.intake.booking.FormSubmission;
import com.geminihealth.intake.challenge.ProofOfWork;
import com.geminihealth.intake.decider.DeciderProperties;
import com.geminihealth.intake.idempotency.IdempotencyKeys;
import com.geminihealth.intake.ledger.Ledger;
import com.geminihealth.intake.web.FormErrors;
import com.geminihealth.intake.web.Honeypot;
import com.geminihealth.intake.web.InvalidFields;
import com.geminihealth.platform.EventPublisher;
import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.schemas.waitlist.WaitlistEntryId;

/**
 * The waitlist's public form: a patient who found no time that suits them says what they
 * want and when they can come, and the decider offers them the first matching time that
 * frees. Reached from the booking flow's week with few open times, from a declined
 * booking and from the manage page, each filling in what it knows; what the address says
 * only fills in the form, which is checked as any other. Protected as the booking form
 * is: CSRF, proof of work, honeypot, limits per address and per destination, bounded
 * body.
 */
@Controller
class WaitlistPageController {

	/** How many days the form offers by default, from today. */
	static final int DEFAULT_DAYS = 14;

	/** Whose submissions the tokens are: the booking form's cannot name these. */
	private static final String CALLER = "waitlist-form";

	private final WaitlistIntake intake;

	private final WaitlistRequestValidator validator;

	private final ClinicProperties clinic;

	private final DeciderProperties decider;

	private final Honeypot honeypot;

	private final ProofOfWork proofOfWork;

	private final IdempotencyKeys submissions;

	private final Clock clock;

	WaitlistPageController(WaitlistIntake intake, WaitlistRequestValidator validator, ClinicProperties clinic,
			DeciderProperties decider, Honeypot honeypot, ProofOfWork proofOfWork, IdempotencyKeys submissions,
			Clock clock) {
		this.intake = intake;
		this.validator = validator;
		this.clinic = clinic;
		this.decider = decider;
		this.honeypot = honeypot;
		this.proofOfWork = proofOfWork;
		this.submissions = submissions;
		this.clock = clock;
	}

	@InitBinder("waitlistRequest")
	void addValidator(WebDataBinder binder) {
		binder.addValidators(this.validator);
	}

	@ModelAttribute("clinic")
	ClinicProperties clinic() {
		return this.clinic;
	}

	/** How long an offered time is held, which the pages tell. */
	@ModelAttribute("heldMinutes")
	long heldMinutes() {
		return this.decider.waitlist().offerFor().toMinutes();
	}

	@ModelAttribute(ProofOfWork.FIELD)
	ProofOfWork.Challenge challenge() {
		return this.proofOfWork.issue();
	}

	@ModelAttribute(FormSubmission.FIELD)
	String submission(@RequestParam(name = FormSubmission.FIELD, required = false) String sent) {
		return FormSubmission.keptOrNew(sent);
	}

	@GetMapping("/waitlist")
	String form(@RequestParam(required = false) String location, @RequestParam(required = false) String service,
			@RequestParam(required = false) String practitioner, Model model) {
		// What the address names fills in the form only if the clinic has it.
		String knownLocation = (location != null && this.clinic.locations().containsKey(location)) ? location : null;
		String knownService = (service != null && this.clinic.services().containsKey(service)) ? service : null;
		String knownPractitioner = (practitioner != null && this.clinic.practitioners().containsKey(practitioner))
				? practitioner : null;
		LocalDate today = today(knownLocation);
		LocalDate horizon = today.plusDays(this.clinic.rules().maximumAdvance().toDays());
		LocalDate lastDay = today.plusDays(DEFAULT_DAYS);
		model.addAttribute("waitlistRequest", WaitlistRequest.prefilled(knownLocation, knownService, knownPractitioner,
				today, lastDay.isAfter(horizon) ? horizon : lastDay));
		model.addAttribute("languageBase", sameFormIn(knownLocation, knownService, knownPractitioner));
		return "waitlist-join";
	}

	@PostMapping("/waitlist")
	String join(@Valid @ModelAttribute("waitlistRequest") WaitlistRequest waitlistRequest, BindingResult result,
			@RequestParam(name = Honeypot.FIELD, required = false) String honeypotField,
			@RequestParam(name = ProofOfWork.FIELD, required = false) String challenge,
			@RequestParam(name = ProofOfWork.NONCE, required = false) String nonce, HttpServletResponse response,
			Model model) {
		// This page answers a post: the language switch goes to the form.
		model.addAttribute("languagePath", "/waitlist");
		if (this.honeypot.caught(honeypotField)) {
			return "waitlist-joined";
		}
		FormErrors.keepUnreadable(waitlistRequest, result, model);
		if (this.proofOfWork.check(challenge, nonce) != ProofOfWork.Verdict.SOLVED) {
			model.addAttribute(ProofOfWork.REFUSED, true);
			return "waitlist-join";
		}
		if (result.hasErrors()) {
			return "waitlist-join";
		}
		try {
			WaitlistEntryId entry = entryId(waitlistRequest, model);
			this.intake.allow(entry, waitlistRequest);
			this.intake.join(entry, waitlistRequest);
		}
		catch (InvalidFields refused) {
			FormErrors.reject(refused, result);
			return "waitlist-join";
		}
		catch (EventPublisher.NotAcknowledged | Ledger.Unavailable notTaken) {
			// Kafka did not take it, and will not later: the patient sends the same form
			// again, with the same submission, when it does.
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
			model.addAttribute("notTaken", true);
			return "waitlist-join";
		}
		model.addAttribute("joined", waitlistRequest);
		model.addAttribute("location", this.clinic.locations().get(waitlistRequest.location()));
		model.addAttribute("service", this.clinic.services().get(waitlistRequest.service()));
		model.addAttribute("practitionerName", StringUtils.hasText(waitlistRequest.practitioner())
				? this.clinic.practitionerName(waitlistRequest.practitioner()) : null);
		return "waitlist-joined";
	}

	/**
	 * The entry the form's submission stands for: the first one's when the same form
	 * comes again with the same details, a new random one otherwise.
	 */
	private WaitlistEntryId entryId(WaitlistRequest request, Model model) {
		String submission = (String) model.getAttribute(FormSubmission.FIELD);
		try {
			return new WaitlistEntryId(this.submissions.requestId(CALLER, submission, request).uuid());
		}
		catch (IdempotencyKeys.KeyReused otherDetails) {
			String fresh = FormSubmission.issue();
			model.addAttribute(FormSubmission.FIELD, fresh);
			return new WaitlistEntryId(this.submissions.requestId(CALLER, fresh, request).uuid());
		}
	}

	/** Today at the location, or at the clinic's first location before one is chosen. */
	private LocalDate today(String location) {
		ClinicProperties.Location at = (location != null) ? this.clinic.locations().get(location)
				: this.clinic.locations().values().iterator().next();
		return LocalDate.now(this.clock.withZone(at.zone()));
	}

	/** The form's address with what it was filled in with, ready for {@code lang}. */
	private static String sameFormIn(String location, String service, String practitioner) {
		UriComponentsBuilder address = UriComponentsBuilder.newInstance();
		if (location != null) {
			address.queryParam("location", location);
		}
		if (service != null) {
			address.queryParam("service", service);
		}
		if (practitioner != null) {
			address.queryParam("practitioner", practitioner);
		}
		String query = address.encode().build().getQuery();
		return (query == null) ? "/waitlist?" : "/waitlist?" + query + "&";
	}

}
