package com.geminihealth.intake.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import com.geminihealth.intake.manage.AppointmentPaths;
import com.geminihealth.intake.manage.FeedbackSession;
import com.geminihealth.intake.manage.PatientAccess;
import com.geminihealth.intake.web.FormErrors;
import com.geminihealth.intake.web.PageLanguage;
import com.geminihealth.platform.EventPublisher;
import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.patient.FeedbackAnswered;

/**
 * The one question after a session, reached by the link sent once it is over, to a
 * patient who agreed at booking to be asked: how was it, from 1 to 5, and anything to
 * add. The answer goes onto the patient-replies stream keyed by the patient's contact,
 * where it is matched to the session for the practitioner's view; answering again
 * replaces it. Before the end, a week after it, for a session not held, or for a patient
 * who did not agree, the page says why it does not ask, and takes nothing. A link that
 * opens nothing gets the manage page's answer. Protected as the manage page's forms are:
 * CSRF, a limit per address, a bounded body.
 */
@Controller
class FeedbackPageController {

	private final PatientAccess access;

	private final EventPublisher publisher;

	private final ClinicProperties clinic;

	private final Clock clock;

	FeedbackPageController(PatientAccess access, EventPublisher publisher, ClinicProperties clinic, Clock clock) {
		this.access = access;
		this.publisher = publisher;
		this.clinic = clinic;
		this.clock = clock;
	}

	@ModelAttribute("clinic")
	ClinicProperties clinic() {
		return this.clinic;
	}

	@GetMapping("/feedback/{token}")
	String ask(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<FeedbackSession> opened = this.access.feedback(token, false);
		if (opened.isEmpty()) {
			return unknown(response);
		}
		FeedbackSession session = opened.get();
		PageLanguage.usePatients(session.language(), request);
		FeedbackSession.Question question = session.question(this.clock.instant());
		if (question != FeedbackSession.Question.OPEN) {
			return closed(question, session, response, model);
		}
		model.addAttribute("feedbackForm", FeedbackForm.UNANSWERED);
		return question(token, session, model);
	}

	@PostMapping("/feedback/{token}")
	String answer(@PathVariable String token, @Valid @ModelAttribute("feedbackForm") FeedbackForm feedbackForm,
			BindingResult result, HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<FeedbackSession> opened = this.access.feedback(token, false);
		if (opened.isEmpty()) {
			return unknown(response);
		}
		FeedbackSession session = opened.get();
		PageLanguage.usePatients(session.language(), request);
		// This page answers a post: the language switch goes to the question.
		model.addAttribute("languagePath", AppointmentPaths.feedbackPage(token));
		Instant now = this.clock.instant();
		FeedbackSession.Question question = session.question(now);
		if (question != FeedbackSession.Question.OPEN) {
			return closed(question, session, response, model);
		}
		FormErrors.keepUnreadable(feedbackForm, result, model);
		BindingResult shown = (BindingResult) model.getAttribute(BindingResult.MODEL_KEY_PREFIX + "feedbackForm");
		AnswerRules.check(feedbackForm, session, now, shown);
		if (shown.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return question(token, session, model);
		}
		FeedbackAnswered answer = feedbackForm.answer(session, now);
		try {
			this.publisher.publish(Topics.PATIENT_REPLIES, answer.contact(), answer);
		}
		catch (EventPublisher.NotAcknowledged notTaken) {
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
			model.addAttribute("notTaken", true);
			return question(token, session, model);
		}
		model.addAttribute("feedbackSession", session);
		return "feedback-thanks";
	}

	private String question(String token, FeedbackSession session, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("feedbackSession", session);
		return "feedback";
	}

	/**
	 * Why the question is not asked, with a status that says so: not yet (409), no longer
	 * or never (410), not agreed to (403).
	 */
	private String closed(FeedbackSession.Question question, FeedbackSession session, HttpServletResponse response,
			Model model) {
		HttpStatus status = switch (question) {
			case NOT_YET -> HttpStatus.CONFLICT;
			case NOT_ASKED -> HttpStatus.FORBIDDEN;
			default -> HttpStatus.GONE;
		};
		response.setStatus(status.value());
		model.addAttribute("question", question.name());
		model.addAttribute("feedbackSession", session);
		return "feedback-closed";
	}

	private String unknown(HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return "manage-unknown";
	}

}
