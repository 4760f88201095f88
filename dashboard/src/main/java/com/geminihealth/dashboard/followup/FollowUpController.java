package com.geminihealth.dashboard.followup;

import java.security.Principal;

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

import com.geminihealth.dashboard.live.LiveUpdates;
import com.geminihealth.schemas.reminder.FollowUpDue;

/** The follow-up call list, with "booked", "called" and "dismissed". */
@Controller
class FollowUpController {

	private final FollowUps followUps;

	private final LiveUpdates live;

	FollowUpController(FollowUps followUps, LiveUpdates live) {
		this.followUps = followUps;
		this.live = live;
	}

	@GetMapping("/follow-ups")
	String list(Model model) {
		model.addAttribute("calls", this.followUps.calls());
		return "follow-ups";
	}

	@GetMapping("/follow-ups/list")
	String fragment(Model model) {
		model.addAttribute("calls", this.followUps.calls());
		return "follow-ups :: list";
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
