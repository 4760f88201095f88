package com.geminihealth.notifications.email;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.geminihealth.notifications.PatientWords;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.plan.PlanChange;
import com.geminihealth.schemas.plan.PlanTerms;
import com.geminihealth.schemas.plan.TreatmentPlan;

/**
 * The email summarising a patient's treatment plan and its home-care advice, sent when
 * the plan is recorded and each time it is adjusted, in the patient's language. It is a
 * transactional email (the patient needs their plan whatever they consented to), and the
 * only message a plan sends: a plan is health detail, which never goes by SMS.
 */
@Component
class TreatmentPlanEmails {

	/** The purpose of a plan's email, part of its notification id. */
	static final String PURPOSE = "treatment-plan";

	private final EmailTemplates templates;

	private final PatientWords words;

	TreatmentPlanEmails(EmailTemplates templates, PatientWords words) {
		this.templates = templates;
		this.words = words;
	}

	/**
	 * The email {@code plan}'s latest change sends: none when it ended, or when the
	 * patient gave no address.
	 */
	Optional<Email> compose(TreatmentPlan plan) {
		Patient patient = plan.patient();
		PlanChange change = plan.current().change();
		if (change == PlanChange.ENDED || !patient.emailable()) {
			return Optional.empty();
		}
		Language language = patient.language();
		PlanTerms terms = plan.terms();
		boolean adjusted = change == PlanChange.ADJUSTED;
		Map<String, Object> variables = Map.of("firstName", patient.firstName(), "practitioner",
				(plan.practitionerName() != null) ? plan.practitionerName() : "", "adjusted", adjusted, "focus",
				terms.focus(), "sessions", terms.sessionsPlanned(), "intervalDays", terms.intervalDays(), "reviewDate",
				this.words.emailDate(terms.reviewDate(), language), "advice", lines(terms.homeCareAdvice()));
		String subject = this.words.emailSubject(adjusted ? PURPOSE + "-adjusted" : PURPOSE, language);
		return Optional.of(this.templates.email(PURPOSE, language, patient.email(), subject, variables, null, null));
	}

	private static List<String> lines(String advice) {
		return (advice == null) ? List.of()
				: advice.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

}
