package com.geminihealth.intake.destination;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.geminihealth.intake.ledger.Ledger;
import com.geminihealth.intake.ledger.Ledgers;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.intake.DestinationUsed;

@Configuration(proxyBeanMethods = false)
class DestinationConfiguration {

	/**
	 * Every destination used in the last day, read by this instance from start to stop;
	 * what other instances count reaches it within a tenth of a second.
	 */
	@Bean
	Ledger<DestinationUsed> destinationUses(Ledgers ledgers) {
		return ledgers.of(Topics.DESTINATION_USES, (used) -> used.at().plus(DestinationLimits.DAY),
				DestinationLimits.DAY, Duration.ofMillis(100));
	}

}
