package com.geminihealth.dashboard;

import java.time.ZoneId;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import com.geminihealth.dashboard.security.Roles;

/**
 * What every page needs: the clinic's zone, to show every time in it, and whether to
 * offer the operations role's pages.
 */
@ControllerAdvice
class PageDefaults {

	private final DashboardProperties properties;

	PageDefaults(DashboardProperties properties) {
		this.properties = properties;
	}

	/** Whether the signed-in user may erase patients, to offer the page to them only. */
	@ModelAttribute("operations")
	boolean operations(Authentication user) {
		return user != null && user.getAuthorities()
			.stream()
			.anyMatch((authority) -> ("ROLE_" + Roles.OPERATIONS).equals(authority.getAuthority()));
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return this.properties.zone();
	}

}
