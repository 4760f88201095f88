package com.geminihealth.dashboard.outbox;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The emails and texts as the patients received them (local run). */
@Controller
class OutboxController {

	private final Outbox outbox;

	OutboxController(Outbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/outbox")
	String outbox(Model model) {
		model.addAttribute("emails", this.outbox.emails());
		model.addAttribute("texts", this.outbox.texts());
		return "outbox";
	}

	@GetMapping("/outbox/emails/{name}")
	String email(@PathVariable String name, Model model) {
		model.addAttribute("email", this.outbox.email(name)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such email")));
		return "outbox-email";
	}

}
