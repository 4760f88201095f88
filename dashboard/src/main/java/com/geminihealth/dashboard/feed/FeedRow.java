package com.geminihealth.dashboard.feed;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.geminihealth.dashboard.CatalogueNames;
import com.geminihealth.dashboard.DashboardProperties;
import com.geminihealth.dashboard.stream.PipelineEvent;

/** One line of the live feed, ready to render. */
public record FeedRow(String id, String type, String time, String isoTime, String location, String locationName,
		String firstName, String practitioner, String facts) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.CANADA);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.CANADA);

	static FeedRow of(PipelineEvent event, DashboardProperties properties, CatalogueNames names) {
		LocalDateTime local = LocalDateTime.ofInstant(event.time(), properties.zone());
		boolean today = local.toLocalDate().equals(LocalDateTime.now(properties.zone()).toLocalDate());
		String time = today ? local.format(TIME) : local.format(DAY) + " " + local.format(TIME);
		return new FeedRow(event.id(), event.type(), time, local.toString(), event.location(),
				names.locationName(event.location()), event.firstName(), event.practitioner(), event.facts());
	}

}
