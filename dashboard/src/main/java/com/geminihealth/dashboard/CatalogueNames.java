package com.geminihealth.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.geminihealth.platform.clinic.ClinicProperties;

/**
 * What the front desk calls the clinic's locations, services and practitioners, read from
 * the one clinic catalogue ({@code clinic.yml}) that the decider and the messages read
 * too, so a new service or practitioner appears on the dashboard with no second list to
 * keep in step. An id the catalogue does not know (an event from before a change to it)
 * is shown as it is.
 */
@Component
public class CatalogueNames {

	private final ClinicProperties clinic;

	public CatalogueNames(ClinicProperties clinic) {
		this.clinic = clinic;
	}

	/** Location id to its short name, in catalogue order. */
	public Map<String, String> locations() {
		Map<String, String> names = new LinkedHashMap<>();
		this.clinic.locations().forEach((id, location) -> names.put(id, location.shortName()));
		return names;
	}

	/** Service id to its name, in catalogue order. */
	public Map<String, String> services() {
		Map<String, String> names = new LinkedHashMap<>();
		this.clinic.services().forEach((id, service) -> names.put(id, service.name()));
		return names;
	}

	/** Practitioner id to their full name, in catalogue order. */
	public Map<String, String> practitioners() {
		Map<String, String> names = new LinkedHashMap<>();
		this.clinic.practitioners().forEach((id, practitioner) -> names.put(id, practitioner.name()));
		return names;
	}

	public String locationName(String id) {
		ClinicProperties.Location location = (id != null) ? this.clinic.locations().get(id) : null;
		return (location != null) ? location.shortName() : id;
	}

	public String serviceName(String id) {
		return this.clinic.serviceName(id);
	}

	public String practitionerName(String id) {
		return this.clinic.practitionerName(id);
	}

}
