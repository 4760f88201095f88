package com.geminihealth.intake.booking;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.geminihealth.intake.NextWeek;

/**
 * The booking page's form as tests send it: its details step, and the screening questions
 * the form asks before it books.
 */
public final class BookingForm {

	/**
	 * The details step for Maya Chen's 10:00 Swedish massage in Burlington, a week on
	 * Monday: the page that holds the form.
	 */
	public static final String DETAILS_PAGE = "/book?location=burlington&service=rmt-swedish-60&practitioner=maya-chen&start="
			+ NextWeek.MONDAY.plusWeeks(1) + "T10:00";

	private BookingForm() {
	}

	/** "No" to every screening question, as a form sends them. */
	public static Map<String, String> noRedFlags() {
		Map<String, String> answers = new LinkedHashMap<>();
		ScreeningAnswers.QUESTIONS.forEach((question) -> answers.put(question, "false"));
		return answers;
	}

	/** Every screening question answered no. */
	public static RequestPostProcessor answeredNo() {
		return answered(noRedFlags());
	}

	/** Every screening question answered no, but {@code question}: yes. */
	public static RequestPostProcessor answeredYesTo(String question) {
		Map<String, String> answers = noRedFlags();
		answers.put(question, "true");
		return answered(answers);
	}

	private static RequestPostProcessor answered(Map<String, String> answers) {
		return (request) -> {
			answers.forEach((question, answer) -> {
				request.removeParameter(question);
				request.addParameter(question, answer);
			});
			return request;
		};
	}

}
