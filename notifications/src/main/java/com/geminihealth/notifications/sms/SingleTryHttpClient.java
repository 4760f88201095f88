package com.geminihealth.notifications.sms;

import java.time.Duration;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The SDK's HTTP client, making one request per send. Left to itself, the SDK asks again
 * up to twice after a 5xx, and its Apache client once more after a second on a 429 or
 * 503: tries inside one send that no outcome counts, holding up the partition meanwhile.
 * Trying again is the retry stream's job, with back-off and an outcome for every attempt.
 */
class SingleTryHttpClient extends NetworkHttpClient {

	SingleTryHttpClient(Duration responseTimeout) {
		// The SDK's own connection settings, automatic retries left out, and the wait for
		// an answer configured: once it is over, whether the text left is unknown.
		super(HttpClientBuilder.create()
			.useSystemProperties()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDefaultSocketConfig(
						SocketConfig.custom().setSoTimeout(Timeout.of(responseTimeout)).setSoKeepAlive(true).build())
				.setMaxConnPerRoute(20)
				.setMaxConnTotal(100)
				.build())
			.disableAutomaticRetries());
	}

	@Override
	public Response reliableRequest(Request request) {
		return reliableRequest(request, RETRY_CODES, 1, 0);
	}

}
