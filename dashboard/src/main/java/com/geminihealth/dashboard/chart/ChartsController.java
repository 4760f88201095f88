package com.geminihealth.dashboard.chart;

import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.geminihealth.dashboard.DashboardProperties;
import com.geminihealth.dashboard.notification.Outcomes;

/** Today's bookings and messages per hour, and the delivery success rate. */
@Controller
class ChartsController {

	private final Activity activity;

	private final Outcomes outcomes;

	private final DashboardProperties properties;

	ChartsController(Activity activity, Outcomes outcomes, DashboardProperties properties) {
		this.activity = activity;
		this.outcomes = outcomes;
		this.properties = properties;
	}

	@GetMapping("/charts")
	String charts(Model model) {
		LocalDate today = LocalDate.now(this.properties.zone());
		model.addAttribute("today", today);
		model.addAttribute("charts",
				java.util.List.of(BarChart.of("Bookings confirmed per hour", this.activity.bookings(today)),
						BarChart.of("Messages sent per hour", this.activity.messages(today))));
		model.addAttribute("rate", this.outcomes.successRate());
		return "charts";
	}

}
