package com.geminihealth.intake.booking;

import java.util.Arrays;
import java.util.List;

import org.springframework.validation.Errors;

import com.geminihealth.schemas.booking.Screening;

/**
 * The booking page's screening questions, asked before any treatment for back or leg
 * pain: the signs a clinic's page names as reasons to see a doctor first. Each is
 * answered yes or no; an unanswered one is asked again, as skipping a safety question is
 * not a "no". Only whether any answer was yes leaves the page ({@link #screening()}): the
 * front desk needs to know to call, not which sign, and less health data travels.
 *
 * @param legWeakness new or worsening weakness or numbness in a leg
 * @param bowelOrBladder a change in bowel or bladder control
 * @param saddleNumbness numbness in the groin or saddle area
 * @param fallOrInjury a recent fall or injury
 */
record ScreeningAnswers(Boolean legWeakness, Boolean bowelOrBladder, Boolean saddleNumbness, Boolean fallOrInjury) {

	/** The questions in the order the page asks them: its field names. */
	static final List<String> QUESTIONS = List.of("legWeakness", "bowelOrBladder", "saddleNumbness", "fallOrInjury");

	/** Nothing answered yet: the page shows every question without a choice made. */
	static final ScreeningAnswers UNANSWERED = new ScreeningAnswers(null, null, null, null);

	/**
	 * Marks each unanswered question on {@code errors}, unless it is already marked (an
	 * answer that could not be read).
	 */
	void checkAnswered(Errors errors) {
		List<Boolean> answers = answers();
		for (int i = 0; i < QUESTIONS.size(); i++) {
			if (answers.get(i) == null && !errors.hasFieldErrors(QUESTIONS.get(i))) {
				errors.rejectValue(QUESTIONS.get(i), "screening.unanswered", "please answer yes or no");
			}
		}
	}

	/** What the booking carries: a red flag if any answer was yes. */
	Screening screening() {
		return answers().stream().anyMatch(Boolean.TRUE::equals) ? Screening.RED_FLAGS : Screening.CLEAR;
	}

	private List<Boolean> answers() {
		return Arrays.asList(this.legWeakness, this.bowelOrBladder, this.saddleNumbness, this.fallOrInjury);
	}

	@Override
	public String toString() {
		return "ScreeningAnswers[redacted]";
	}

}
