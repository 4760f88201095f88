package com.geminihealth.reminders.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.geminihealth.platform.clinic.ClinicProperties;

/**
 * The reminder policy names locations and services only as the one clinic catalogue does:
 * an override or a follow-up for a service the catalogue does not have (a typo, or a
 * service renamed there) would silently never apply, so the service refuses to start and
 * says which name it does not know.
 */
@Component
public class PolicyNamesInTheCatalogue {

	public PolicyNamesInTheCatalogue(RemindersProperties reminders, ClinicProperties clinic) {
		List<String> problems = problems(reminders, clinic);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("The reminder policy names what the clinic catalogue does not have: "
					+ String.join("; ", problems));
		}
	}

	/**
	 * What the policy names that the catalogue does not have; empty when all is known.
	 */
	static List<String> problems(RemindersProperties reminders, ClinicProperties clinic) {
		Set<String> locations = clinic.locations().keySet();
		Set<String> services = clinic.services().keySet();
		List<String> problems = new ArrayList<>();
		unknown("reminders.locations", reminders.locations(), locations, problems);
		unknown("reminders.services", reminders.services(), services, problems);
		Map<String, ?> followUps = (reminders.followUps().services() != null) ? reminders.followUps().services()
				: Map.of();
		unknown("reminders.follow-ups.services", followUps, services, problems);
		reminders.combinations().keySet().forEach((combination) -> {
			String[] parts = combination.split("/", 2);
			if (parts.length != 2 || !locations.contains(parts[0]) || !services.contains(parts[1])) {
				problems.add("reminders.combinations." + combination + ": no such location/service");
			}
		});
		return problems;
	}

	private static void unknown(String prefix, Map<String, ?> policy, Set<String> known, List<String> problems) {
		policy.keySet()
			.stream()
			.filter((id) -> !known.contains(id))
			.forEach((id) -> problems.add(prefix + "." + id + ": not in the clinic catalogue"));
	}

}
