package com.geminihealth.dashboard.security;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may sign in. Passwords are stored hashed, with their encoding named first, as in
 * {@code {bcrypt}$2a$10$...}; a plain-text password refuses to start the dashboard.
 *
 * @param users the people and scrapers that may sign in
 */
@Validated
@ConfigurationProperties("dashboard.security")
public record SecurityProperties(@DefaultValue @Valid List<User> users) {

	/**
	 * One account.
	 *
	 * @param username the sign-in name
	 * @param password the hashed password, {@code {bcrypt}...}
	 * @param roles {@code FRONT_DESK} for the dashboard
	 */
	public record User(@NotBlank String username,
			@NotBlank @Pattern(regexp = "\\{(bcrypt|argon2@SpringSecurity_v5_8|pbkdf2@SpringSecurity_v5_8)\\}.+",
					message = "must be a hashed password such as {bcrypt}$2a$10$...") String password,
			@NotEmpty List<String> roles) {

		@Override
		public String toString() {
			return "User[" + this.username + ", " + this.roles + "]";
		}

	}

}
