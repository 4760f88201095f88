package com.geminihealth.intake.web;

import java.util.Map;

import org.springframework.validation.Errors;

import com.geminihealth.schemas.Contract;
import com.geminihealth.schemas.EventType;
import com.geminihealth.schemas.Topic;

/**
 * The one validation truth at the doors: a request is checked as the event it will
 * become, against the same JSON Schema the decider and every consumer apply, and each
 * problem is reported on the request's own field. What a door accepts, the pipeline
 * accepts.
 *
 * @param <E> the event the request becomes
 */
public final class ContractFields<E> {

	private final EventType<?> type;

	private final Map<String, String> fieldsByPath;

	private final String fallbackField;

	/**
	 * @param topic the topic the event goes to
	 * @param eventClass the event's class, one of the topic's event types
	 * @param fieldsByPath contract paths ({@code $.patient.email}) to the request's
	 * fields ({@code email}); a problem is reported on the field of its longest matching
	 * path
	 * @param fallbackField the field for a problem no path matches
	 */
	public ContractFields(Topic<?, ? super E> topic, Class<E> eventClass, Map<String, String> fieldsByPath,
			String fallbackField) {
		this.type = topic.eventTypes()
			.stream()
			.filter((candidate) -> candidate.javaType().equals(eventClass))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(eventClass + " is not an event of " + topic.name()));
		this.fieldsByPath = Map.copyOf(fieldsByPath);
		this.fallbackField = fallbackField;
	}

	/**
	 * Rejects on {@code errors} every problem the contract finds in {@code event}, except
	 * on fields already rejected: their first message stands.
	 */
	public void check(E event, Errors errors) {
		for (String problem : Contract.violationsOf(this.type, event)) {
			int colon = problem.indexOf(": ");
			String path = (colon > 0) ? problem.substring(0, colon) : "$";
			String field = fieldOf(path);
			if (!errors.hasFieldErrors(field)) {
				// The contract's words are the argument too: a page in a language they
				// are not in says the value is invalid instead.
				String words = (colon > 0) ? problem.substring(colon + 2) : problem;
				errors.rejectValue(field, "contract", new Object[] { words }, words);
			}
		}
	}

	private String fieldOf(String path) {
		String best = null;
		for (String known : this.fieldsByPath.keySet()) {
			boolean matches = path.equals(known) || path.startsWith(known + ".") || path.startsWith(known + "[");
			if (matches && (best == null || known.length() > best.length())) {
				best = known;
			}
		}
		return (best != null) ? this.fieldsByPath.get(best) : this.fallbackField;
	}

}
