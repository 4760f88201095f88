package com.geminihealth.intake.challenge;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import com.geminihealth.intake.web.PageProperties;
import com.geminihealth.intake.web.PageSecret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The pages' script answers the server's challenge, run by Node.js against a stand-in for
 * the page: a form sent before the answer is found waits for it, then goes once. Skipped
 * where Node.js is not installed.
 */
class ChallengeScriptTest {

	static final Path SCRIPT = Path.of("src/main/resources/static/challenge.js");

	static final String PAGE = """
			const answer = { value: '', dataset: { difficulty: process.argv[3] } };
			const status = { hidden: true };
			let listener, sent = 0;
			answer.form = {
				elements: { challenge: { value: process.argv[2] } },
				querySelector: () => status,
				addEventListener: (type, handler) => { listener = handler; },
				submit: () => { sent++; },
			};
			globalThis.document = { querySelectorAll: () => [answer] };
			let prevented = false;
			require(process.argv[1]);
			listener({ preventDefault: () => { prevented = true; } });
			const waiting = setInterval(() => {
				if (answer.value) {
					clearInterval(waiting);
					console.log(JSON.stringify({ nonce: answer.value, prevented, statusShown: !status.hidden, sent }));
				}
			}, 5);
			""";

	@Test
	void answersTheServersChallengeAndSendsAFormSentEarlyOnceItHas() throws Exception {
		assumeTrue(nodeInstalled(), "Node.js is not installed");
		PageProperties properties = new PageProperties("secret", new PageProperties.Challenge(12, Duration.ofHours(1)));
		ProofOfWork proofOfWork = new ProofOfWork(new PageSecret(properties), properties, Clock.systemUTC(),
				new SimpleMeterRegistry());
		ProofOfWork.Challenge challenge = proofOfWork.issue();
		Path page = Files.createTempFile("page", ".js");
		page.toFile().deleteOnExit();
		Files.writeString(page, PAGE.replace("require(process.argv[1])",
				"require(" + quoted(SCRIPT.toAbsolutePath().toString()) + ")"));

		Process node = new ProcessBuilder("node", page.toString(), challenge.value(),
				String.valueOf(challenge.difficulty()))
			.redirectErrorStream(true)
			.start();
		assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

		assertThat(out).contains("\"prevented\":true", "\"statusShown\":true", "\"sent\":1");
		String nonce = out.replaceAll(".*\"nonce\":\"([0-9]+)\".*", "$1");
		assertThat(proofOfWork.check(challenge.value(), nonce)).isEqualTo(ProofOfWork.Verdict.SOLVED);
	}

	private static boolean nodeInstalled() {
		try {
			return new ProcessBuilder("node", "--version").start().waitFor(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static String quoted(String text) {
		return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
	}

}
