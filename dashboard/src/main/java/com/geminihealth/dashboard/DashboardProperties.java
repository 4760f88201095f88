package com.geminihealth.dashboard;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the front desk sees and where the dashboard finds it.
 *
 * @param zone the clinic's time zone: every time on the page is shown in it
 * @param intakeUrl where booking-intake's public availability API answers (the New
 * booking form asks it for open slots; the dashboard never links to intake's code)
 * @param outboxDir the local run's email outbox, read for the Outbox view
 * @param smsSandboxDir the local run's SMS sandbox, read for the Outbox view
 * @param feedSize how many events the live feed keeps
 * @see CatalogueNames for the names of locations, services and practitioners, from the
 * one clinic catalogue
 */
@Validated
@ConfigurationProperties("dashboard")
public record DashboardProperties(@DefaultValue("America/Toronto") @NotNull ZoneId zone,
		@DefaultValue("http://localhost:8080") @NotNull URI intakeUrl, Path outboxDir, Path smsSandboxDir,
		@DefaultValue("500") @Min(10) int feedSize) {

}
