package com.geminihealth.intake.web;

import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/** Showing a form again with its errors. */
public final class FormErrors {

	private FormErrors() {
	}

	/** Marks each field a refusal names, with its message. */
	public static void reject(InvalidFields refused, BindingResult result) {
		refused.problems().forEach((problem) -> result.rejectValue(problem.field(), "refused", problem.message()));
	}

	/**
	 * Puts a form back on its page when some value could not be read ("Monday 11am", a 30
	 * February): Spring made the form's object without those values but left it out of
	 * the model, with errors bound to no object, which a page cannot show. Both go back
	 * in, each unreadable value marked on its field with what was typed.
	 */
	public static void keepUnreadable(Object madeWithout, BindingResult result, Model model) {
		if (result.getTarget() != null) {
			return;
		}
		BindingResult shown = new BeanPropertyBindingResult(madeWithout, result.getObjectName());
		shown.addAllErrors(result);
		model.addAttribute(result.getObjectName(), madeWithout);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + result.getObjectName(), shown);
	}

}
