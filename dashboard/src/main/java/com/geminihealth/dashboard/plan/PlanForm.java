package com.geminihealth.dashboard.plan;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import com.geminihealth.schemas.booking.ServiceId;
import com.geminihealth.schemas.plan.PlanTerms;

/**
 * The plan form as the practitioner fills it in. Its limits are the contract's
 * ({@link PlanTerms}, the TreatmentPlan schema), so what the form accepts the contract
 * accepts, and each field that breaks one is answered beside that field.
 */
public class PlanForm {

	@NotBlank(message = "Choose the service the sessions are booked as.")
	private String service;

	@NotNull(message = "Enter how many sessions the plan holds.")
	@Min(value = 1, message = "A plan holds at least 1 session.")
	@Max(value = PlanTerms.MOST_SESSIONS, message = "A plan holds at most " + PlanTerms.MOST_SESSIONS + " sessions.")
	private Integer sessionsPlanned;

	@NotNull(message = "Enter the days between sessions.")
	@Min(value = 1, message = "Sessions are at least 1 day apart.")
	@Max(value = PlanTerms.LONGEST_INTERVAL_DAYS,
			message = "Sessions are at most " + PlanTerms.LONGEST_INTERVAL_DAYS + " days apart.")
	private Integer intervalDays;

	@NotBlank(message = "Say what the sessions work on.")
	@Size(max = 500, message = "Keep the focus to 500 characters.")
	@Pattern(regexp = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*", message = "Use plain text.")
	private String focus;

	@Size(max = 2000, message = "Keep the advice to 2000 characters.")
	@Pattern(regexp = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*", message = "Use plain text.")
	private String homeCareAdvice;

	@NotNull(message = "Choose the date the plan is reviewed.")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate reviewDate;

	/** The form filled in with {@code terms}, to adjust them. */
	static PlanForm of(PlanTerms terms) {
		PlanForm form = new PlanForm();
		form.service = terms.service().value();
		form.sessionsPlanned = terms.sessionsPlanned();
		form.intervalDays = terms.intervalDays();
		form.focus = terms.focus();
		form.homeCareAdvice = terms.homeCareAdvice();
		form.reviewDate = terms.reviewDate();
		return form;
	}

	/** The terms of a valid form. */
	PlanTerms terms() {
		String advice = (this.homeCareAdvice != null && !this.homeCareAdvice.isBlank()) ? this.homeCareAdvice.strip()
				: null;
		return new PlanTerms(new ServiceId(this.service.strip()), this.sessionsPlanned, this.intervalDays,
				this.focus.strip(), advice, this.reviewDate);
	}

	public String getService() {
		return this.service;
	}

	public void setService(String service) {
		this.service = service;
	}

	public Integer getSessionsPlanned() {
		return this.sessionsPlanned;
	}

	public void setSessionsPlanned(Integer sessionsPlanned) {
		this.sessionsPlanned = sessionsPlanned;
	}

	public Integer getIntervalDays() {
		return this.intervalDays;
	}

	public void setIntervalDays(Integer intervalDays) {
		this.intervalDays = intervalDays;
	}

	public String getFocus() {
		return this.focus;
	}

	public void setFocus(String focus) {
		this.focus = focus;
	}

	public String getHomeCareAdvice() {
		return this.homeCareAdvice;
	}

	public void setHomeCareAdvice(String homeCareAdvice) {
		this.homeCareAdvice = homeCareAdvice;
	}

	public LocalDate getReviewDate() {
		return this.reviewDate;
	}

	public void setReviewDate(LocalDate reviewDate) {
		this.reviewDate = reviewDate;
	}

}
