package com.geminihealth.local;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user signed in to the dashboard over HTTP basic, with a session and the CSRF token of
 * the last page read, as a script of the front desk's would be.
 */
final class DashboardUser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String dashboard;

	private final String authorization;

	private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private String csrf = "";

	DashboardUser(String dashboard, String username, String password) {
		this.dashboard = dashboard;
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** The page at {@code path}; its CSRF token is kept for the next {@link #post}. */
	String get(String path) throws Exception {
		String page = this.client
			.send(HttpRequest.newBuilder(URI.create(this.dashboard + path))
				.header("Authorization", this.authorization)
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher token = CSRF.matcher(page);
		if (token.find()) {
			this.csrf = token.group(1);
		}
		return page;
	}

	/** Posts a form to {@code path}; returns the status. */
	int post(String path, Map<String, String> form) throws Exception {
		StringBuilder body = new StringBuilder("_csrf=" + this.csrf);
		form.forEach((name, value) -> body.append('&')
			.append(name)
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return this.client
			.send(HttpRequest.newBuilder(URI.create(this.dashboard + path))
				.header("Authorization", this.authorization)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode();
	}

}
