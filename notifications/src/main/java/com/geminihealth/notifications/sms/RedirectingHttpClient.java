package com.geminihealth.notifications.sms;

import java.net.URI;
import java.time.Duration;

import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * Sends the SDK's requests to another API address (a staging stub) instead of
 * {@code api.twilio.com}, keeping path, parameters and credentials. The SDK has no
 * base-URL option; replacing its HTTP client is its supported hook.
 */
class RedirectingHttpClient extends SingleTryHttpClient {

	private final URI base;

	RedirectingHttpClient(URI base, Duration responseTimeout) {
		super(responseTimeout);
		this.base = base;
	}

	@Override
	public Response makeRequest(Request request) {
		URI original = URI.create(request.getUrl());
		Request redirected = new Request(request.getMethod(), this.base.resolve(original.getRawPath()).toString());
		redirected.setAuth(request.getUsername(), request.getPassword());
		redirected.setContentType(request.getContentType());
		request.getQueryParams()
			.forEach((name, values) -> values.forEach((value) -> redirected.addQueryParam(name, value)));
		request.getPostParams()
			.forEach((name, values) -> values.forEach((value) -> redirected.addPostParam(name, value)));
		request.getHeaderParams()
			.forEach((name, values) -> values.forEach((value) -> redirected.addHeaderParam(name, value)));
		return super.makeRequest(redirected);
	}

}
