package com.geminihealth.dashboard.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	private final SecurityProperties properties;

	LoginController(SecurityProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("waitMinutes", this.properties.throttle().window().toMinutes());
		return "login";
	}

}
