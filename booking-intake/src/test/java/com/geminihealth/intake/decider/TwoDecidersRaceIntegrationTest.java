package com.geminihealth.intake.decider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.geminihealth.intake.NextWeek;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two intake instances share the decider's work on a broker of their own. Concurrent
 * requests for one slot arrive through both; exactly one is confirmed, and each instance
 * answers every status URL, whichever instance owns it.
 */
class TwoDecidersRaceIntegrationTest {

	final IntakeInstances instances = new IntakeInstances();

	@AfterEach
	void stop() {
		this.instances.close();
	}

	@Test
	void confirmsExactlyOneOfConcurrentRequestsForTheSameSlot() throws Exception {
		String a = this.instances.start();
		String b = this.instances.start();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.instances.deciderRunning(0) && this.instances.deciderRunning(1));

		String start = NextWeek.MONDAY + "T10:00";
		List<CompletableFuture<String>> requests = new ArrayList<>();
		ExecutorService clients = Executors.newFixedThreadPool(8);
		try {
			for (int i = 0; i < 8; i++) {
				String instance = (i % 2 == 0) ? a : b;
				requests.add(CompletableFuture.supplyAsync(() -> this.instances.book(instance, start), clients));
			}
			List<String> statusUrls = requests.stream().map(CompletableFuture::join).toList();

			List<JsonNode> decisions = new ArrayList<>();
			for (int i = 0; i < statusUrls.size(); i++) {
				String other = (i % 2 == 0) ? b : a;
				decisions.add(this.instances.decided(other + statusUrls.get(i)));
			}

			assertThat(decisions).filteredOn((status) -> status.get("status").asString().equals("CONFIRMED"))
				.hasSize(1);
			assertThat(decisions).filteredOn((status) -> status.get("status").asString().equals("DECLINED"))
				.hasSize(7)
				.allSatisfy((status) -> assertThat(status.get("reason").asString()).isEqualTo("SLOT_TAKEN"));
		}
		finally {
			clients.shutdownNow();
		}
	}

}
