package com.geminihealth.intake.feedback;

import java.time.Instant;
import java.util.Map;

import org.springframework.validation.Errors;

import com.geminihealth.intake.manage.FeedbackSession;
import com.geminihealth.intake.web.ContractFields;
import com.geminihealth.schemas.Contract;
import com.geminihealth.schemas.Json;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.feedback.SessionFeedback;
import com.geminihealth.schemas.patient.FeedbackAnswered;

/**
 * What an answer on the feedback page must be before it is published: a score the
 * question offers, and a comment of at most {@link SessionFeedback#COMMENT_LENGTH}
 * characters of text as a person types it. Then the answer it becomes must pass the
 * contract's schema, as every reader of the patient replies applies it.
 */
final class AnswerRules {

	private static final ContractFields<FeedbackAnswered> CONTRACT = new ContractFields<>(Topics.PATIENT_REPLIES,
			FeedbackAnswered.class, Map.of("$.score", "score", "$.comment", "comment"), "comment");

	/**
	 * The contract's text of several lines, which its other free text (notes, messages)
	 * is held to: its schema of {@code FeedbackAnswered} does not ask it of the comment
	 * yet, so the page asks it of the definition itself.
	 */
	private static final String FREE_TEXT = "contract/schemas/common.v1.schema.json#/$defs/FreeText";

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
		else if (comment != null) {
			Contract.violations(FREE_TEXT, Json.MAPPER.writeValueAsString(comment))
				.stream()
				.findFirst()
				.ifPresent((problem) -> rejectAsContract(problem, errors));
		}
		if (form.score() != null) {
			CONTRACT.check(form.answer(session, at), errors);
		}
	}

	/** As {@link ContractFields} words what the contract finds. */
	private static void rejectAsContract(String problem, Errors errors) {
		String words = problem.substring(problem.indexOf(": ") + 2);
		errors.rejectValue("comment", "contract", new Object[] { words }, words);
	}

}
