package com.geminihealth.intake.idempotency;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.geminihealth.intake.ledger.Ledger;
import com.geminihealth.intake.ledger.Ledgers;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.intake.IdempotencyKeyClaimed;

@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

	/** Every claim of the last day, read by this instance from start to stop. */
	@Bean
	Ledger<IdempotencyKeyClaimed> idempotencyClaims(Ledgers ledgers) {
		return ledgers.of(Topics.IDEMPOTENCY_KEYS, IdempotencyKeyClaimed::expiresAt, IdempotencyKeys.LIFETIME);
	}

}
