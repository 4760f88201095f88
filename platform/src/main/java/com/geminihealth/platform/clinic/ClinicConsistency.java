package com.geminihealth.platform.clinic;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks that span sections of the clinic configuration: every name refers to
 * something configured, every service has someone to give it, and nobody is in two places
 * at once (each location decides its calendar alone, so a practitioner's hours must not
 * overlap across locations).
 */
final class ClinicConsistency {

	private final Map<String, ClinicProperties.Location> locations;

	private final Map<String, ClinicProperties.Service> services;

	private final Map<String, ClinicProperties.Practitioner> practitioners;

	private final List<String> problems = new ArrayList<>();

	ClinicConsistency(Map<String, ClinicProperties.Location> locations, Map<String, ClinicProperties.Service> services,
			Map<String, ClinicProperties.Practitioner> practitioners) {
		this.locations = (locations != null) ? locations : Map.of();
		this.services = (services != null) ? services : Map.of();
		this.practitioners = (practitioners != null) ? practitioners : Map.of();
	}

	void check() {
		Set<String> disciplines = this.practitioners.values()
			.stream()
			.flatMap((practitioner) -> practitioner.disciplines().stream())
			.collect(Collectors.toSet());
		this.services.forEach((id, service) -> {
			if (service.disciplines().stream().noneMatch(disciplines::contains)) {
				this.problems.add("clinic.services." + id + ": no practitioner practises " + service.disciplines());
			}
		});
		this.practitioners.forEach(this::checkSchedule);
		if (!this.problems.isEmpty()) {
			throw new IllegalArgumentException("Invalid clinic configuration: " + String.join("; ", this.problems));
		}
	}

	private void checkSchedule(String id, ClinicProperties.Practitioner practitioner) {
		practitioner.schedule()
			.keySet()
			.stream()
			.filter((location) -> !this.locations.containsKey(location))
			.forEach((location) -> this.problems
				.add("clinic.practitioners." + id + ".schedule: unknown location '" + location + "'"));
		for (DayOfWeek day : DayOfWeek.values()) {
			List<Map.Entry<String, ClinicProperties.Shift>> shifts = practitioner.schedule()
				.entrySet()
				.stream()
				.filter((week) -> week.getValue().containsKey(day))
				.map((week) -> Map.entry(week.getKey(), week.getValue().get(day)))
				.toList();
			for (int i = 0; i < shifts.size(); i++) {
				for (int j = i + 1; j < shifts.size(); j++) {
					ClinicProperties.Shift a = shifts.get(i).getValue();
					ClinicProperties.Shift b = shifts.get(j).getValue();
					if (a.start().isBefore(b.end()) && b.start().isBefore(a.end())) {
						this.problems.add("clinic.practitioners." + id + ".schedule: on " + day + " the hours at "
								+ shifts.get(i).getKey() + " and " + shifts.get(j).getKey() + " overlap");
					}
				}
			}
		}
	}

}
