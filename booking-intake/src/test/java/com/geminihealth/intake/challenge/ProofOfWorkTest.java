package com.geminihealth.intake.challenge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import com.geminihealth.intake.challenge.ProofOfWork.Challenge;
import com.geminihealth.intake.challenge.ProofOfWork.Verdict;
import com.geminihealth.intake.web.PageProperties;
import com.geminihealth.intake.web.PageSecret;

import static org.assertj.core.api.Assertions.assertThat;

class ProofOfWorkTest {

	static final int BITS = 8;

	static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	final ProofOfWork proofOfWork = proofOfWork("the pages' secret");

	@Test
	void acceptsAnAnswerOnceAndRefusesItsReuse() {
		Challenge challenge = this.proofOfWork.issue();
		String nonce = Solved.answer(challenge.value(), challenge.difficulty());

		assertThat(challenge.difficulty()).isEqualTo(BITS);
		assertThat(this.proofOfWork.check(challenge.value(), nonce)).isEqualTo(Verdict.SOLVED);
		assertThat(this.proofOfWork.check(challenge.value(), nonce)).isEqualTo(Verdict.REUSED);
		assertThat(this.meters.counter("intake.challenge.refused", "reason", "reused").count()).isEqualTo(1);
	}

	@Test
	void refusesAFormWithoutChallengeOrAnswer() {
		assertThat(this.proofOfWork.check(null, null)).isEqualTo(Verdict.MISSING);
		assertThat(this.proofOfWork.check(this.proofOfWork.issue().value(), "")).isEqualTo(Verdict.MISSING);
	}

	@Test
	void refusesAWrongAnswer() {
		Challenge challenge = this.proofOfWork.issue();

		assertThat(this.proofOfWork.check(challenge.value(), Solved.wrongAnswer(challenge.value(), BITS)))
			.isEqualTo(Verdict.UNSOLVED);
	}

	@Test
	void refusesAChallengeMadeEasierOrSignedWithAnotherSecret() {
		String easier = this.proofOfWork.issue().value().replaceFirst("\\.8\\.", ".0.");
		String foreign = proofOfWork("another secret").issue().value();

		assertThat(this.proofOfWork.check(easier, "0")).isEqualTo(Verdict.INVALID);
		assertThat(this.proofOfWork.check(foreign, Solved.answer(foreign, BITS))).isEqualTo(Verdict.INVALID);
		assertThat(this.proofOfWork.check("1.2.3", "0")).isEqualTo(Verdict.INVALID);
		assertThat(this.proofOfWork.check(this.proofOfWork.issue().value(), "12ab")).isEqualTo(Verdict.INVALID);
	}

	@Test
	void refusesAnAnswerToAChallengePastItsLifetime() {
		Challenge old = this.proofOfWork.issue(NOW.minusSeconds(1), BITS);

		assertThat(this.proofOfWork.check(old.value(), Solved.answer(old.value(), BITS))).isEqualTo(Verdict.EXPIRED);
	}

	@Test
	void countsLeadingZeroBitsAcrossBytes() {
		assertThat(ProofOfWork.leadingZeroBits(new byte[] { 0, 0x10, 0 })).isEqualTo(11);
		assertThat(ProofOfWork.leadingZeroBits(new byte[] { (byte) 0x80 })).isZero();
		assertThat(ProofOfWork.leadingZeroBits(new byte[] { 0, 0 })).isEqualTo(16);
	}

	private ProofOfWork proofOfWork(String secret) {
		PageProperties properties = new PageProperties(secret, new PageProperties.Challenge(BITS, Duration.ofHours(1)));
		return new ProofOfWork(new PageSecret(properties), properties, Clock.fixed(NOW, ZoneOffset.UTC), this.meters);
	}

}
