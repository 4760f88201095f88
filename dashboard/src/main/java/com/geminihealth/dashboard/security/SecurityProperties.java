package com.geminihealth.dashboard.security;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may sign in. Nobody ships with the dashboard: a deployment names its users, or the
 * dashboard refuses to start, saying how to name them. A password names its encoding
 * first, as {@code {bcrypt}$2a$10$...}, or {@code {noop}} followed by the password itself
 * where the environment keeps it secret; a password without one refuses to start the
 * dashboard too.
 *
 * @param users the people that may sign in
 * @param throttle how many failed sign-ins a user or a client address gets before waiting
 */
@Validated
@ConfigurationProperties("dashboard.security")
public record SecurityProperties(@DefaultValue @NotEmpty(message = NO_USERS) @Valid List<User> users,
		@DefaultValue @Valid Throttle throttle) {

	static final String NO_USERS = "nobody could sign in. Name at least one user, for example with the "
			+ "environment variables DASHBOARD_SECURITY_USERS_0_USERNAME and DASHBOARD_SECURITY_USERS_0_PASSWORD "
			+ "(the password as {bcrypt}$2a$10$... or {noop}...), or dashboard.security.users[0].username and "
			+ "dashboard.security.users[0].password";

	/**
	 * One account.
	 *
	 * @param username the sign-in name
	 * @param password the password with its encoding first, {@code {bcrypt}...} or
	 * {@code {noop}...}
	 * @param roles {@code FRONT_DESK}, the default, for the dashboard; {@code OPERATIONS}
	 * to erase patients as well
	 */
	public record User(@NotBlank String username, @NotBlank String password,
			@DefaultValue(SecurityConfiguration.FRONT_DESK) @NotEmpty List<String> roles) {

		private static final Pattern ENCODED = Pattern.compile(
				"\\{(bcrypt|noop|argon2@SpringSecurity_v5_8|pbkdf2@SpringSecurity_v5_8|scrypt@SpringSecurity_v5_8)}.+");

		/**
		 * Checked here rather than by a constraint, whose failure Boot reports with the
		 * rejected value: the password would be in the log.
		 */
		public User {
			if (password != null && !password.isBlank() && !ENCODED.matcher(password).matches()) {
				throw new IllegalArgumentException("The password of dashboard user '" + username
						+ "' must name its encoding first, as {bcrypt}$2a$10$... or {noop}...");
			}
		}

		@Override
		public String toString() {
			return "User[" + this.username + ", " + this.roles + "]";
		}

	}

	/**
	 * Failed sign-ins allowed per user and per client address.
	 *
	 * @param failures how many within {@code window} before further attempts are refused
	 * @param window how long failures count, and how long a refusal lasts
	 */
	public record Throttle(@DefaultValue("5") @Min(1) int failures, @DefaultValue("15m") @NotNull Duration window) {

	}

}
