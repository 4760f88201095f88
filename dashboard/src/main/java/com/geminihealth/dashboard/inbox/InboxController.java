package com.geminihealth.dashboard.inbox;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.geminihealth.dashboard.live.LiveUpdates;
import com.geminihealth.schemas.inquiry.ContactInquiryReceived;
import com.geminihealth.schemas.patient.FreeTextReply;

/** Inquiries and patient replies, each with "handled". */
@Controller
class InboxController {

	private final Inbox inbox;

	private final LiveUpdates live;

	InboxController(Inbox inbox, LiveUpdates live) {
		this.inbox = inbox;
		this.live = live;
	}

	@GetMapping("/inbox")
	String inbox(Model model) {
		model.addAttribute("messages", this.inbox.messages());
		return "inbox";
	}

	@GetMapping("/inbox/list")
	String fragment(Model model) {
		model.addAttribute("messages", this.inbox.messages());
		return "inbox :: list";
	}

	@GetMapping(path = "/inbox/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter live() {
		return this.live.subscribe("inbox",
				(event) -> event.value() instanceof ContactInquiryReceived || event.value() instanceof FreeTextReply,
				(event) -> event.id());
	}

	@PostMapping("/inbox/{id}/handled")
	String handled(@PathVariable String id, Principal user) {
		if (!this.inbox.handle(id, user.getName())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such message");
		}
		return "redirect:/inbox";
	}

}
