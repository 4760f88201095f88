package com.geminihealth.dashboard.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.geminihealth.dashboard.CatalogueNames;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.feedback.FeedbackSource;
import com.geminihealth.schemas.feedback.SessionFeedback;

/**
 * The practitioners' view of what patients answered after their sessions: each
 * practitioner's scores over a period, and one practitioner's answers, comments included,
 * latest session first. Comments may carry health detail: they show here, to signed-in
 * staff, and nowhere else.
 */
@Controller
class FeedbackController {

	/** Periods the page offers, in days. */
	static final List<Integer> PERIODS = List.of(30, 90, 365);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.CANADA);

	private final SessionFeedbacks feedback;

	private final CatalogueNames names;

	private final Clock clock;

	FeedbackController(SessionFeedbacks feedback, CatalogueNames names) {
		this.feedback = feedback;
		this.names = names;
		this.clock = Clock.systemUTC();
	}

	@GetMapping("/feedback")
	String page(@RequestParam(required = false) String practitioner, @RequestParam(defaultValue = "90") int days,
			Model model) {
		int period = PERIODS.contains(days) ? days : 90;
		Instant since = this.clock.instant().minus(Duration.ofDays(period));
		Map<String, Scores> scores = this.feedback.scoresSince(since);
		Map<String, String> practitioners = new LinkedHashMap<>(this.names.practitioners());
		scores.keySet().forEach((id) -> practitioners.putIfAbsent(id, this.names.practitionerName(id)));
		String chosen = practitioners.containsKey(practitioner) ? practitioner : null;
		model.addAttribute("days", period);
		model.addAttribute("periods", PERIODS);
		model.addAttribute("rows",
				practitioners.entrySet()
					.stream()
					.map((entry) -> new ScoreRow(entry.getKey(), entry.getValue(),
							scores.getOrDefault(entry.getKey(), Scores.NONE)))
					.toList());
		model.addAttribute("chosen", chosen);
		model.addAttribute("chosenName", (chosen != null) ? practitioners.get(chosen) : null);
		model.addAttribute("answers",
				(chosen != null) ? this.feedback.about(chosen, since).stream().map(this::answer).toList() : List.of());
		return "practitioner-feedback";
	}

	private AnswerRow answer(SessionFeedback feedback) {
		Appointment session = feedback.appointment();
		return new AnswerRow(session.appointmentId().value(),
				WHEN.format(ZonedDateTime.ofInstant(session.start(), session.zone())),
				this.names.serviceName(session.service().value()), session.patient().firstName(), feedback.score(),
				feedback.comment(), (feedback.source() == FeedbackSource.TEXT_REPLY) ? "text reply" : "feedback page");
	}

	/** A practitioner's line in the scores table, the average to one decimal. */
	record ScoreRow(String practitioner, String name, Scores scores, String average) {

		ScoreRow(String practitioner, String name, Scores scores) {
			this(practitioner, name, scores,
					(scores.answers() == 0) ? "–" : String.format(Locale.CANADA, "%.1f", scores.average()));
		}

	}

	/** One answer, as the practitioner reads it. */
	record AnswerRow(String appointmentId, String session, String service, String firstName, int score, String comment,
			String via) {

	}

}
