package com.geminihealth.dashboard.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.geminihealth.dashboard.stream.ErasedPatient;
import com.geminihealth.dashboard.stream.PipelineEvent;
import com.geminihealth.dashboard.stream.ReadModel;
import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.plan.PlanId;
import com.geminihealth.schemas.plan.PlanTerms;
import com.geminihealth.schemas.plan.TreatmentPlan;
import com.geminihealth.schemas.privacy.ErasureRequested;

/**
 * Each patient's treatment plan, read from the compacted plans topic, of which the
 * dashboard is the one writer: recording, adjusting and ending a plan publishes it whole,
 * its history inside, so every instance shows the same and a restart loses no change.
 */
@Component
public class TreatmentPlans implements ReadModel {

	private final EventPublisher publisher;

	private final Map<String, TreatmentPlan> byPatient = new ConcurrentHashMap<>();

	public TreatmentPlans(EventPublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public void apply(PipelineEvent event) {
		if (event.value() instanceof TreatmentPlan plan) {
			keep(plan);
		}
		else if (event.removes(Topics.TREATMENT_PLANS)) {
			this.byPatient.remove(event.removedKey());
		}
		else if (event.value() instanceof ErasureRequested erasure) {
			ErasedPatient erased = ErasedPatient.of(erasure);
			this.byPatient.values().removeIf((plan) -> erased.is(plan.patient()));
		}
	}

	/** The plan of {@code patient}, running or ended, if one was ever recorded. */
	public Optional<TreatmentPlan> of(Patient patient) {
		return Optional.ofNullable(this.byPatient.get(PatientContact.of(patient).value()));
	}

	/** A new plan for the patient of {@code assessment}, recorded after it. */
	TreatmentPlan record(Appointment assessment, PlanTerms terms, String user) {
		return publish(TreatmentPlan.recorded(PlanId.random(), assessment.patient(), assessment.location(),
				assessment.practitioner(), assessment.practitionerName(), assessment.appointmentId(), terms,
				Author.frontDesk(user), Instant.now()));
	}

	TreatmentPlan adjust(TreatmentPlan plan, PlanTerms terms, String user) {
		return publish(plan.adjusted(terms, Author.frontDesk(user), Instant.now()));
	}

	TreatmentPlan end(TreatmentPlan plan, String user) {
		return publish(plan.ended(Author.frontDesk(user), Instant.now()));
	}

	/**
	 * The running plans whose review falls on or before {@code day}, soonest first: what
	 * the front desk books the practitioner's review for.
	 */
	public List<TreatmentPlan> reviewsBy(LocalDate day) {
		return this.byPatient.values()
			.stream()
			.filter((plan) -> !plan.stopped() && !plan.terms().reviewDate().isAfter(day))
			.sorted(Comparator.comparing((TreatmentPlan plan) -> plan.terms().reviewDate()))
			.toList();
	}

	/**
	 * Removes the erased patient's plan from the topic: a tombstone under each contact
	 * the erasure names and under the key of any plan naming them, so the plan goes
	 * however it was keyed, even from an instance still catching up. Returns how many
	 * keys were tombstoned.
	 */
	public int erase(ErasureRequested erasure) {
		ErasedPatient erased = ErasedPatient.of(erasure);
		Set<String> keys = new LinkedHashSet<>();
		for (String contact : new String[] { erasure.email(), erasure.phone() }) {
			if (contact != null && !contact.isBlank()) {
				keys.add(contact);
			}
		}
		this.byPatient.forEach((key, plan) -> {
			if (erased.is(plan.patient())) {
				keys.add(key);
			}
		});
		for (String key : keys) {
			this.publisher.publish(Topics.TREATMENT_PLANS, new PatientContact(key), null);
			this.byPatient.remove(key);
		}
		return keys.size();
	}

	/**
	 * Publishes the plan and returns once Kafka has it; it shows here at once, so the
	 * page the user returns to has it.
	 */
	private TreatmentPlan publish(TreatmentPlan plan) {
		this.publisher.publish(Topics.TREATMENT_PLANS, plan.key(), plan);
		keep(plan);
		return plan;
	}

	/**
	 * Keeps the later of {@code plan} and the one already held: this instance's own
	 * change is held at once, and its record read back from the topic a moment later must
	 * not replace a change made since.
	 */
	private void keep(TreatmentPlan plan) {
		this.byPatient.merge(plan.key().value(), plan, TreatmentPlans::later);
	}

	private static TreatmentPlan later(TreatmentPlan held, TreatmentPlan arrived) {
		if (held.planId().equals(arrived.planId())) {
			return (arrived.current().version() >= held.current().version()) ? arrived : held;
		}
		return arrived.current().at().isBefore(held.current().at()) ? held : arrived;
	}

}
