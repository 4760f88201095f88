package com.geminihealth.dashboard.followup;

import java.security.Principal;
import java.time.LocalDate;
import java.time.Period;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.geminihealth.dashboard.CatalogueNames;
import com.geminihealth.dashboard.DashboardProperties;
import com.geminihealth.dashboard.live.LiveUpdates;
import com.geminihealth.dashboard.plan.TreatmentPlans;
import com.geminihealth.schemas.reminder.FollowUpDue;

/**
 * The follow-up call list, with "booked", "called" and "dismissed", and the treatment
 * plans whose review is coming up.
 */
@Controller
class FollowUpController {

	/** How far ahead the front desk sees plan reviews coming, to book them in time. */
	static final Period REVIEWS_AHEAD = Period.ofDays(14);

	private final FollowUps followUps;

	private final TreatmentPlans plans;

	private final LiveUpdates live;

	private final CatalogueNames names;

	private final DashboardProperties properties;

	FollowUpController(FollowUps followUps, TreatmentPlans plans, LiveUpdates live, CatalogueNames names,
			DashboardProperties properties) {
		this.followUps = followUps;
		this.plans = plans;
		this.live = live;
		this.names = names;
		this.properties = properties;
	}

	@GetMapping("/follow-ups")
	String list(Model model) {
		calls(model);
		return "follow-ups";
	}

	@GetMapping("/follow-ups/list")
	String fragment(Model model) {
		calls(model);
		return "follow-ups :: list";
	}

	/**
	 * The calls to make, each naming the plan's next session when the patient follows
	 * one, and the plan reviews falling due within {@link #REVIEWS_AHEAD} (or overdue).
	 */
	private void calls(Model model) {
		model.addAttribute("calls", this.followUps.calls());
		model.addAttribute("services", this.names.services());
		model.addAttribute("reviews", this.plans.reviewsBy(LocalDate.now(this.properties.zone()).plus(REVIEWS_AHEAD)));
	}

	@GetMapping(path = "/follow-ups/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter live() {
		return this.live.subscribe("followups", (event) -> event.value() instanceof FollowUpDue, (event) -> event.id());
	}

	@PostMapping("/follow-ups/{appointmentId}")
	String mark(@PathVariable String appointmentId, @RequestParam String outcome, Principal user) {
		if (!this.followUps.contains(appointmentId)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such follow-up");
		}
		FollowUps.Outcome chosen;
		try {
			chosen = FollowUps.Outcome.valueOf(outcome);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown outcome");
		}
		this.followUps.mark(appointmentId, chosen, user.getName());
		return "redirect:/follow-ups";
	}

}
