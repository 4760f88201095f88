package com.geminihealth.dashboard.notification;

import java.security.Principal;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.geminihealth.dashboard.live.LiveUpdates;
import com.geminihealth.dashboard.stream.PipelineEvent;
import com.geminihealth.schemas.Topics;

/**
 * Outcomes per message, with a button to send again one that failed for good and the
 * messages waiting to retry per channel; dead letters with a replay button.
 */
@Controller
class NotificationsController {

	private final Outcomes outcomes;

	private final DeadLetterBox deadLetters;

	private final Replay replay;

	private final SendAgain sendAgain;

	private final LiveUpdates live;

	NotificationsController(Outcomes outcomes, DeadLetterBox deadLetters, Replay replay, SendAgain sendAgain,
			LiveUpdates live) {
		this.outcomes = outcomes;
		this.deadLetters = deadLetters;
		this.replay = replay;
		this.sendAgain = sendAgain;
		this.live = live;
	}

	@GetMapping("/notifications")
	String notifications(Model model) {
		fill(model);
		return "notifications";
	}

	@GetMapping("/notifications/lists")
	String fragment(Model model) {
		fill(model);
		return "notifications :: lists";
	}

	private void fill(Model model) {
		model.addAttribute("messages", this.outcomes.messages().stream().map(this::row).toList());
		model.addAttribute("backlog", this.outcomes.backlog());
		model.addAttribute("rate", this.outcomes.successRate());
		model.addAttribute("letters", this.deadLetters.letters());
	}

	private MessageRow row(Outcomes.Message message) {
		return new MessageRow(message, this.sendAgain.retryOf(message).isPresent(),
				this.sendAgain.askedAt(message.id()));
	}

	@GetMapping(path = "/notifications/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter live() {
		return this.live.subscribe("notifications",
				(event) -> Topics.NOTIFICATION_OUTCOMES.name().equals(event.topic())
						|| Topics.NOTIFICATIONS_RETRIES.name().equals(event.topic())
						|| PipelineEvent.DEAD_LETTER.equals(event.type()),
				(event) -> event.id());
	}

	@PostMapping("/notifications/messages/{id}/send-again")
	String sendAgain(@PathVariable String id, Principal user, RedirectAttributes redirect) {
		Outcomes.Message message = this.outcomes.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such message"));
		PipelineEvent.Raw retry = this.sendAgain.retryOf(message)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, "this message cannot be sent again"));
		this.sendAgain.send(message, retry, user.getName());
		redirect.addFlashAttribute("message", "Sent again: the " + message.channel().toLowerCase(Locale.ROOT) + " "
				+ message.purpose() + " goes out once, and its outcome shows here.");
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/dead-letters/{id}/replay")
	String replay(@PathVariable String id, Principal user, RedirectAttributes redirect) {
		PipelineEvent letter = this.deadLetters.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such dead letter"));
		String source = this.deadLetters.letters()
			.stream()
			.filter((listed) -> listed.id().equals(id))
			.findFirst()
			.orElseThrow()
			.sourceTopic();
		this.replay.replay(letter, source);
		this.deadLetters.replayed(id, user.getName());
		redirect.addFlashAttribute("message", "Replayed to " + source + ".");
		return "redirect:/notifications";
	}

}
