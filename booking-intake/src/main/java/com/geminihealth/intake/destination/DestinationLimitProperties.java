package com.geminihealth.intake.destination;

import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What requests at the public doors may have sent to one destination. A patient books or
 * writes a few times a day at most; five each is room for changing one's mind, and little
 * for a bot pumping texts to premium numbers or bombing an inbox in the clinic's name.
 * Texts go only where the clinic's patients live.
 *
 * @param textsPerDay requests that text one phone number, in any 24 hours
 * @param emailsPerDay requests that email one address, in any 24 hours
 * @param textCountries the regions (ISO 3166 codes, as libphonenumber reads a number) of
 * the numbers the public doors may have texted
 */
@Validated
@ConfigurationProperties("intake.destination-limits")
public record DestinationLimitProperties(@DefaultValue("5") @Min(1) int textsPerDay,
		@DefaultValue("5") @Min(1) int emailsPerDay, @DefaultValue( {
				"CA", "US" }) @NotEmpty List<String> textCountries){
}
