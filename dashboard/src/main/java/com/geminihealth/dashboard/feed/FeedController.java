package com.geminihealth.dashboard.feed;

import java.util.Locale;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.geminihealth.dashboard.CatalogueNames;
import com.geminihealth.dashboard.DashboardProperties;
import com.geminihealth.dashboard.live.LiveUpdates;

/** Every event of every stream as it happens, filtered by type and location. */
@Controller
class FeedController {

	private static final int SHOWN = 200;

	private final Feed feed;

	private final LiveUpdates live;

	private final ITemplateEngine templates;

	private final DashboardProperties properties;

	private final CatalogueNames names;

	FeedController(Feed feed, LiveUpdates live, ITemplateEngine templates, DashboardProperties properties,
			CatalogueNames names) {
		this.names = names;
		this.feed = feed;
		this.live = live;
		this.templates = templates;
		this.properties = properties;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/feed";
	}

	@GetMapping("/feed")
	String feed(@RequestParam(required = false) String type, @RequestParam(required = false) String location,
			Model model) {
		model.addAttribute("rows", this.feed.rows(type, location, SHOWN));
		model.addAttribute("types", Feed.types());
		model.addAttribute("locations", this.names.locations());
		model.addAttribute("type", type);
		model.addAttribute("location", location);
		return "feed";
	}

	/**
	 * The table alone, fetched again whenever the live connection (re)opens, so that
	 * nothing that happened while it was closed is missing.
	 */
	@GetMapping("/feed/table")
	String table(@RequestParam(required = false) String type, @RequestParam(required = false) String location,
			Model model) {
		model.addAttribute("rows", this.feed.rows(type, location, SHOWN));
		return "feed :: table";
	}

	@GetMapping(path = "/feed/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter live(@RequestParam(required = false) String type, @RequestParam(required = false) String location) {
		return this.live.subscribe("feed", (event) -> Feed.matches(event, type, location), (event) -> {
			Context context = new Context(Locale.CANADA);
			context.setVariable("rows", java.util.List.of(this.feed.row(event)));
			return this.templates.process("feed", Set.of("row"), context);
		});
	}

}
