package com.geminihealth.intake.feedback;

import java.time.Instant;
import java.util.Map;

import org.springframework.validation.Errors;

import com.geminihealth.intake.manage.FeedbackSession;
import com.geminihealth.intake.web.ContractFields;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.feedback.SessionFeedback;
import com.geminihealth.schemas.patient.FeedbackAnswered;

/**
 * What an answer on the feedback page must be before it is published: a score the
 * question offers, and a comment of at most {@link SessionFeedback#COMMENT_LENGTH}
 * characters. Then the answer it becomes must pass the contract's schema, as every reader
 * of the patient replies applies it: a comment is text as a person types it.
 */
final class AnswerRules {

	private static final ContractFields<FeedbackAnswered> CONTRACT = new ContractFields<>(Topics.PATIENT_REPLIES,
			FeedbackAnswered.class, Map.of("$.score", "score", "$.comment", "comment"), "comment");

	private AnswerRules() {
	}

	/**
	 * Rejects on {@code errors} each field of {@code form} that breaks a rule, except
	 * fields already rejected; then, given a score, what the answer it becomes about
	 * {@code session} breaks of the contract.
	 */
	static void check(FeedbackForm form, FeedbackSession session, Instant at, Errors errors) {
		if (form.score() != null && !SessionFeedback.scores(form.score()) && !errors.hasFieldErrors("score")) {
			errors.rejectValue("score", "score.range",
					"choose a score from " + SessionFeedback.LOWEST + " to " + SessionFeedback.HIGHEST);
		}
		String comment = form.keptComment();
		if (comment != null && comment.codePointCount(0, comment.length()) > SessionFeedback.COMMENT_LENGTH) {
			errors.rejectValue("comment", "comment.long", new Object[] { SessionFeedback.COMMENT_LENGTH },
					"must be at most " + SessionFeedback.COMMENT_LENGTH + " characters");
		}
		if (form.score() != null) {
			CONTRACT.check(form.answer(session, at), errors);
		}
	}

}
