package com.geminihealth.dashboard;

import java.time.ZoneId;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page needs: the clinic's zone, to show every time in it. */
@ControllerAdvice
class PageDefaults {

	private final DashboardProperties properties;

	PageDefaults(DashboardProperties properties) {
		this.properties = properties;
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return this.properties.zone();
	}

}
