package com.geminihealth.intake.booking;

import java.util.Comparator;
import java.util.List;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.apache.kafka.streams.errors.InvalidStateStoreException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import com.geminihealth.intake.challenge.ProofOfWork;
import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.intake.idempotency.IdempotencyKeys;
import com.geminihealth.intake.ledger.Ledger;
import com.geminihealth.intake.web.FormErrors;
import com.geminihealth.intake.web.Honeypot;
import com.geminihealth.intake.web.InvalidFields;
import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.booking.BookingChannel;
import com.geminihealth.schemas.booking.RequestId;

/**
 * The public booking page, one flow a patient finishes on a phone: location, service,
 * practitioner (or anyone), a week of open times, then their details and the screening
 * questions, and the answer arriving: confirmed, or alternatives to pick from. Each
 * choice is asked once; the chosen slot rides in the details form's hidden fields (see
 * {@link BookingStep}). The same validation and intake as the API.
 */
@Controller
class BookingPageController {

	/**
	 * How many times, a second apart, the answer page asks again before it stops and says
	 * the answer will come by email or text.
	 */
	static final int PATIENCE = 30;

	/** What the address of a step may hold, and the language switch keeps. */
	private static final List<String> STEP_PARAMETERS = List.of("location", "service", "practitioner", "week", "date",
			"start", "offset");

	private final BookingIntake intake;

	private final BookingRequestValidator validator;

	private final ClinicProperties clinic;

	private final Honeypot honeypot;

	private final ReadSide readSide;

	private final DetailsCookie details;

	private final ProofOfWork proofOfWork;

	private final IdempotencyKeys submissions;

	private final BookingSteps steps;

	BookingPageController(BookingIntake intake, BookingRequestValidator validator, ClinicProperties clinic,
			Honeypot honeypot, ReadSide readSide, DetailsCookie details, ProofOfWork proofOfWork,
			IdempotencyKeys submissions, BookingSteps steps) {
		this.steps = steps;
		this.intake = intake;
		this.validator = validator;
		this.clinic = clinic;
		this.honeypot = honeypot;
		this.readSide = readSide;
		this.details = details;
		this.proofOfWork = proofOfWork;
		this.submissions = submissions;
	}

	@InitBinder("bookingRequest")
	void addValidator(WebDataBinder binder) {
		binder.addValidators(this.validator);
	}

	@ModelAttribute("clinic")
	ClinicProperties clinic() {
		return this.clinic;
	}

	/** A new one for every form shown, the first time or again. */
	@ModelAttribute(ProofOfWork.FIELD)
	ProofOfWork.Challenge challenge() {
		return this.proofOfWork.issue();
	}

	/**
	 * Kept through every showing of the form until it is taken: see
	 * {@link FormSubmission}.
	 */
	@ModelAttribute(FormSubmission.FIELD)
	String submission(@RequestParam(name = FormSubmission.FIELD, required = false) String sent) {
		return FormSubmission.keptOrNew(sent);
	}

	@GetMapping({ "/", "/book" })
	String form(@RequestParam(required = false) String location, @RequestParam(required = false) String service,
			@RequestParam(required = false) String practitioner,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime start,
			@RequestParam(required = false) ZoneOffset offset, HttpServletRequest request, Model model) {
		BookingChoice choice = new BookingChoice(location, service, practitioner, start, offset);
		BookingStep step = this.steps.show(choice, week, date, model);
		model.addAttribute("languageBase", sameStepIn(request));
		if (step == BookingStep.DETAILS) {
			// The patient's details from their last booking, so that picking another time
			// needs no retyping; the screening questions are asked afresh every time.
			DetailsCookie.Details last = this.details.read(request).orElse(DetailsCookie.NONE);
			model.addAttribute("bookingRequest",
					new BookingRequest(last.patientName(), last.email(), last.mobilePhone(), last.language(),
							last.smsConsent(), last.followUpConsent(), last.feedbackConsent(), location, service,
							choice.practitionerId(), start, null, offset, null));
			model.addAttribute("screeningAnswers", ScreeningAnswers.UNANSWERED);
		}
		return "book";
	}

	@PostMapping("/book")
	String submit(@Valid @ModelAttribute("bookingRequest") BookingRequest bookingRequest, BindingResult result,
			@ModelAttribute("screeningAnswers") ScreeningAnswers answers, BindingResult answersResult,
			@RequestParam(name = Honeypot.FIELD, required = false) String honeypotField,
			@RequestParam(name = ProofOfWork.FIELD, required = false) String challenge,
			@RequestParam(name = ProofOfWork.NONCE, required = false) String nonce, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (this.honeypot.caught(honeypotField)) {
			return "submitted";
		}
		FormErrors.keepUnreadable(bookingRequest, result, model);
		// An answer that is neither yes nor no leaves no answers to read: the page shows
		// them unanswered, that one marked unreadable, and asks again.
		ScreeningAnswers shownAnswers = (answersResult.getTarget() != null) ? answers : ScreeningAnswers.UNANSWERED;
		FormErrors.keepUnreadable(ScreeningAnswers.UNANSWERED, answersResult, model);
		BindingResult screeningErrors = (BindingResult) model
			.getAttribute(BindingResult.MODEL_KEY_PREFIX + "screeningAnswers");
		shownAnswers.checkAnswered(screeningErrors);
		BookingChoice choice = new BookingChoice(bookingRequest.location(), bookingRequest.service(),
				bookingRequest.practitioner(), bookingRequest.requestedStart(), bookingRequest.requestedOffset());
		this.steps.details(choice, model);
		model.addAttribute("languageBase", choice.detailsAddressForMore());
		if (this.proofOfWork.check(challenge, nonce) != ProofOfWork.Verdict.SOLVED) {
			model.addAttribute(ProofOfWork.REFUSED, true);
			return "book";
		}
		if (result.hasErrors() || screeningErrors.hasErrors()) {
			return "book";
		}
		BookingRequest screened = bookingRequest.screened(shownAnswers.screening());
		RequestId requestId;
		try {
			requestId = requestId(screened, model);
			this.intake.allow(requestId, screened);
			this.intake.submit(requestId, screened, BookingChannel.ONLINE);
		}
		catch (InvalidFields refused) {
			FormErrors.reject(refused, result);
			return "book";
		}
		catch (EventPublisher.NotAcknowledged | Ledger.Unavailable notTaken) {
			// Kafka did not take it, and will not later (PublishTimeouts): the patient
			// sends the same form again, with the same submission, when it does.
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
			model.addAttribute("notTaken", true);
			return "book";
		}
		this.details.keep(screened, request, response);
		return "redirect:/book/" + requestId.value();
	}

	/**
	 * The query of the page being shown, without its language and ready for a
	 * {@code lang} parameter: the language switch then shows the same step in the other
	 * language.
	 */
	private static String sameStepIn(HttpServletRequest request) {
		UriComponentsBuilder address = UriComponentsBuilder.newInstance();
		for (String step : STEP_PARAMETERS) {
			String value = request.getParameter(step);
			if (value != null) {
				address.queryParam(step, value);
			}
		}
		String query = address.encode().build().getQuery();
		return (query == null) ? "?" : "?" + query + "&";
	}

	/**
	 * The id the form's submission stands for: its first request's when the same form
	 * comes again with the same details, a new one otherwise.
	 */
	private RequestId requestId(BookingRequest bookingRequest, Model model) {
		String submission = (String) model.getAttribute(FormSubmission.FIELD);
		try {
			return this.submissions.requestId(FormSubmission.CALLER, submission, bookingRequest);
		}
		catch (IdempotencyKeys.KeyReused otherDetails) {
			// The patient changed the form after an error, or someone sent a token that
			// is not theirs: either way another request, under a submission of its own.
			String fresh = FormSubmission.issue();
			model.addAttribute(FormSubmission.FIELD, fresh);
			return this.submissions.requestId(FormSubmission.CALLER, fresh, bookingRequest);
		}
	}

	@GetMapping("/book/{requestId}")
	String answer(@PathVariable UUID requestId, @RequestParam(defaultValue = "0") int waited, Model model) {
		StatusView status = pendingWhileStarting(requestId);
		boolean pending = "PENDING".equals(status.status());
		ClinicProperties.Service service = (status.service() != null) ? this.clinic.services().get(status.service())
				: null;
		model.addAttribute("reference", requestId.toString());
		model.addAttribute("statusUrl", BookingController.statusPath(requestId));
		model.addAttribute("answer", status);
		// Offered nearest first; listed in the order of the day, as people read times.
		ZoneId zone = (status.location() != null && this.clinic.locations().containsKey(status.location()))
				? this.clinic.locations().get(status.location()).zone() : ZoneOffset.UTC;
		model.addAttribute("alternatives",
				status.alternatives()
					.stream()
					.sorted(Comparator.comparing((StatusView.SlotView slot) -> slot.startingAt(zone)))
					.toList());
		if (pending && waited < PATIENCE) {
			model.addAttribute("refresh", "/book/" + requestId + "?waited=" + (waited + 1));
		}
		model.addAttribute("slow", pending && waited >= PATIENCE);
		model.addAttribute("service", service);
		model.addAttribute("seekCareFirst", status.appointment() != null && status.appointment().redFlags());
		return "booking-answer";
	}

	/**
	 * While the decider starts up the page simply keeps waiting, as for any pending
	 * request.
	 */
	private StatusView pendingWhileStarting(UUID requestId) {
		try {
			return this.readSide.status(requestId, false);
		}
		catch (InvalidStateStoreException ex) {
			return new StatusView(requestId.toString(), "PENDING", null, null, List.of(), null, null);
		}
	}

}
