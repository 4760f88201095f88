package com.geminihealth.dashboard.plan;

import java.security.Principal;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.geminihealth.dashboard.CatalogueNames;
import com.geminihealth.dashboard.DashboardProperties;
import com.geminihealth.dashboard.today.Schedule;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.plan.TreatmentPlan;

/**
 * An appointment's treatment-plan page: the patient's plan as it stands and every change
 * to it, and the forms to record a plan after an assessment, adjust it or end it. Each
 * action publishes the whole plan, named after the signed-in user.
 */
@Controller
class TreatmentPlanController {

	private static final Logger logger = LoggerFactory.getLogger(TreatmentPlanController.class);

	private final Schedule schedule;

	private final TreatmentPlans plans;

	private final CatalogueNames names;

	private final DashboardProperties properties;

	TreatmentPlanController(Schedule schedule, TreatmentPlans plans, CatalogueNames names,
			DashboardProperties properties) {
		this.schedule = schedule;
		this.plans = plans;
		this.names = names;
		this.properties = properties;
	}

	@GetMapping("/appointments/{id}/plan")
	String show(@PathVariable String id, Model model) {
		Appointment appointment = appointment(id);
		Optional<TreatmentPlan> plan = this.plans.of(appointment.patient());
		PlanForm form = plan.filter((running) -> !running.stopped())
			.map((running) -> PlanForm.of(running.terms()))
			.orElseGet(PlanForm::new);
		return page(appointment, form, model);
	}

	@PostMapping("/appointments/{id}/plan/record")
	String record(@PathVariable String id, @Valid @ModelAttribute("form") PlanForm form, BindingResult errors,
			Model model, Principal user, RedirectAttributes redirect) {
		Appointment appointment = appointment(id);
		if (running(appointment).isPresent()) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "the patient has a plan: adjust or end it");
		}
		if (invalid(form, errors)) {
			return page(appointment, form, model);
		}
		TreatmentPlan plan = this.plans.record(appointment, form.terms(), user.getName());
		logger.info("Treatment plan {} recorded by {}", plan.planId(), user.getName());
		return back(appointment, "Plan recorded for " + appointment.patient().firstName() + ".", redirect);
	}

	@PostMapping("/appointments/{id}/plan/adjust")
	String adjust(@PathVariable String id, @Valid @ModelAttribute("form") PlanForm form, BindingResult errors,
			Model model, Principal user, RedirectAttributes redirect) {
		Appointment appointment = appointment(id);
		TreatmentPlan plan = running(appointment)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, "no running plan to adjust"));
		if (invalid(form, errors)) {
			return page(appointment, form, model);
		}
		TreatmentPlan adjusted = this.plans.adjust(plan, form.terms(), user.getName());
		logger.info("Treatment plan {} adjusted to version {} by {}", adjusted.planId(), adjusted.current().version(),
				user.getName());
		return back(appointment, "Plan adjusted for " + appointment.patient().firstName() + ".", redirect);
	}

	@PostMapping("/appointments/{id}/plan/end")
	String end(@PathVariable String id, Principal user, RedirectAttributes redirect) {
		Appointment appointment = appointment(id);
		TreatmentPlan plan = running(appointment)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, "no running plan to end"));
		TreatmentPlan ended = this.plans.end(plan, user.getName());
		logger.info("Treatment plan {} ended by {}", ended.planId(), user.getName());
		return back(appointment, "Plan ended for " + appointment.patient().firstName() + ".", redirect);
	}

	private String page(Appointment appointment, PlanForm form, Model model) {
		Optional<TreatmentPlan> plan = this.plans.of(appointment.patient());
		model.addAttribute("appointment", appointment);
		model.addAttribute("plan", plan.orElse(null));
		model.addAttribute("running", plan.filter((current) -> !current.stopped()).isPresent());
		model.addAttribute("form", form);
		model.addAttribute("services", this.names.services());
		model.addAttribute("day", LocalDate.ofInstant(appointment.start(), this.properties.zone()));
		return "plan";
	}

	/**
	 * Whether the form breaks a rule, with an answer beside each field that does; a
	 * service must be one of the clinic's when it lists them.
	 */
	private boolean invalid(PlanForm form, BindingResult errors) {
		if (form.getService() != null && !form.getService().isBlank() && !this.names.services().isEmpty()
				&& !this.names.services().containsKey(form.getService().strip())) {
			errors.rejectValue("service", "unknown", "Choose one of the clinic's services.");
		}
		return errors.hasErrors();
	}

	private Optional<TreatmentPlan> running(Appointment appointment) {
		return this.plans.of(appointment.patient()).filter((plan) -> !plan.stopped());
	}

	private Appointment appointment(String id) {
		try {
			return this.schedule.visit(AppointmentId.of(id))
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such appointment"))
				.appointment();
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such appointment");
		}
	}

	private static String back(Appointment appointment, String message, RedirectAttributes redirect) {
		redirect.addFlashAttribute("message", message);
		return "redirect:/appointments/" + appointment.appointmentId().value() + "/plan";
	}

}
