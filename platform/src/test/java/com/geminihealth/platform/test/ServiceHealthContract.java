package com.geminihealth.platform.test;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every service shows, on real ports. The public learns only whether it is alive and
 * ready; an operator, on the management port, sees health with its Kafka connection and
 * Prometheus metrics tagged with the service's name. A service's test extends this with
 * its own {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}.
 */
public abstract class ServiceHealthContract {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	/** The service's name, as its metrics are tagged. */
	protected abstract String service();

	protected int publicPort() {
		return this.port;
	}

	protected int managementPort() {
		return this.managementPort;
	}

	@Test
	void answersOnlyABareLivenessAndReadinessOnThePublicPort() throws Exception {
		for (String probe : List.of("/livez", "/readyz")) {
			HttpResponse<String> answer = onThePublicPort(probe);
			assertThat(answer.statusCode()).as(probe).isEqualTo(200);
			assertThat(answer.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
		}
	}

	@Test
	void keepsMetricsAndHealthDetailsOffThePublicPort() throws Exception {
		for (String path : List.of("/actuator", "/actuator/health", "/actuator/health/readiness", "/actuator/metrics",
				"/actuator/prometheus", "/actuator/info")) {
			HttpResponse<String> answer = onThePublicPort(path);
			// none there (404), or a sign-in asked for where the service has accounts
			assertThat(answer.statusCode()).as(path).isIn(302, 401, 404);
			assertThat(answer.body()).as(path).doesNotContain("jvm_").doesNotContain("\"components\"");
		}
	}

	@Test
	void reportsItsKafkaConnectionInHealth() throws Exception {
		assertThat(onTheManagementPort("/actuator/health")).contains("\"kafka\":{\"details\":{")
			.contains("\"brokers\":1")
			.contains("\"status\":\"UP\"");
	}

	@Test
	void exposesPrometheusMetricsTaggedWithTheService() throws Exception {
		assertThat(onTheManagementPort("/actuator/prometheus")).contains("jvm_memory_used_bytes")
			.contains("service=\"" + service() + "\"");
	}

	@Test
	void listensForOperationsOnTheLoopbackOnly() throws Exception {
		Optional<InetAddress> network = networkAddress();
		assumeTrue(network.isPresent(), "this machine has no network address besides the loopback");
		connect(network.get(), publicPort());
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> connect(network.get(), managementPort()));
	}

	/** An answer from the public port. */
	protected HttpResponse<String> onThePublicPort(String path) throws Exception {
		return get(publicPort(), path);
	}

	/** What an operator reads on the management port. */
	protected String onTheManagementPort(String path) throws Exception {
		HttpResponse<String> answer = get(managementPort(), path);
		assertThat(answer.statusCode()).as(path).isEqualTo(200);
		return answer.body();
	}

	private static HttpResponse<String> get(int port, String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	private static void connect(InetAddress address, int port) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), 2000);
		}
	}

	private static Optional<InetAddress> networkAddress() throws SocketException {
		return NetworkInterface.networkInterfaces()
			.filter(ServiceHealthContract::up)
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> address instanceof Inet4Address && !address.isLoopbackAddress())
			.findFirst();
	}

	private static boolean up(NetworkInterface network) {
		try {
			return network.isUp() && !network.isLoopback();
		}
		catch (SocketException ex) {
			return false;
		}
	}

}
