package com.geminihealth.dashboard.stream;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The erasures this dashboard has read, to apply again after any later record that names
 * the erased patient: at start-up the topics are read side by side in no set order, so an
 * old booking may arrive after the erasure that removed it, and must be forgotten again.
 * Few are held: erasures are rare, and their topic keeps them a week.
 */
final class Erasures {

	private final List<Erasure> erasures = new CopyOnWriteArrayList<>();

	void add(ErasedPatient patient, PipelineEvent event) {
		this.erasures.add(new Erasure(patient, event));
	}

	/** The erasures of any patient whose contacts are written in {@code value}. */
	List<PipelineEvent> naming(byte[] value) {
		if (this.erasures.isEmpty() || value == null) {
			return List.of();
		}
		return this.erasures.stream()
			.filter((erasure) -> erasure.patient().mentionedIn(value))
			.map(Erasure::event)
			.toList();
	}

	private record Erasure(ErasedPatient patient, PipelineEvent event) {
	}

}
