package com.geminihealth.schemas.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.patient.PatientContact;

/**
 * A patient's treatment plan as it stands, with every change made to it. Published on a
 * compacted topic keyed by the patient ({@link #key()}), so the latest is kept for good
 * and each change stays readable in {@code revisions}, however long ago it was made. An
 * erasure writes a tombstone: the plan is health data of the patient.
 *
 * @param planId the plan
 * @param patient who it is for, as their appointments name them
 * @param location where the sessions take place
 * @param practitioner who prescribed it
 * @param practitionerName their name as patients read it
 * @param assessment the appointment after which it was recorded
 * @param revisions every change, oldest first; the last holds the plan as it stands
 */
public record TreatmentPlan(PlanId planId, Patient patient, LocationId location, PractitionerId practitioner,
		String practitionerName, AppointmentId assessment, List<PlanRevision> revisions) {

	public TreatmentPlan {
		if (planId == null || patient == null || location == null || practitioner == null) {
			throw new IllegalArgumentException("a plan needs an id, a patient, a location and a practitioner");
		}
		if (revisions == null || revisions.isEmpty()) {
			throw new IllegalArgumentException("a plan needs at least the revision that recorded it");
		}
		revisions = List.copyOf(revisions);
	}

	/** A new plan, recorded after {@code assessment}. */
	public static TreatmentPlan recorded(PlanId planId, Patient patient, LocationId location,
			PractitionerId practitioner, String practitionerName, AppointmentId assessment, PlanTerms terms,
			Author author, Instant at) {
		return new TreatmentPlan(planId, patient, location, practitioner, practitionerName, assessment,
				List.of(new PlanRevision(1, PlanChange.RECORDED, terms, author, at)));
	}

	/** This plan with new terms. */
	public TreatmentPlan adjusted(PlanTerms terms, Author author, Instant at) {
		return revised(PlanChange.ADJUSTED, terms, author, at);
	}

	/** This plan ended: its terms stay as they were, for the record. */
	public TreatmentPlan ended(Author author, Instant at) {
		return revised(PlanChange.ENDED, current().terms(), author, at);
	}

	private TreatmentPlan revised(PlanChange change, PlanTerms terms, Author author, Instant at) {
		if (stopped()) {
			throw new IllegalStateException("an ended plan does not change");
		}
		List<PlanRevision> more = new ArrayList<>(this.revisions);
		more.add(new PlanRevision(current().version() + 1, change, terms, author, at));
		return new TreatmentPlan(this.planId, this.patient, this.location, this.practitioner, this.practitionerName,
				this.assessment, more);
	}

	/** The latest revision: the plan as it stands. */
	public PlanRevision current() {
		return this.revisions.get(this.revisions.size() - 1);
	}

	public PlanTerms terms() {
		return current().terms();
	}

	/** Whether the plan ended, so that follow-ups no longer follow it. */
	public boolean stopped() {
		return current().change() == PlanChange.ENDED;
	}

	/**
	 * The plan's key: the patient's mobile phone, or their email address when they gave
	 * no phone, as the reminders scheduler keys a patient.
	 */
	public PatientContact key() {
		return PatientContact.of(this.patient);
	}

	@Override
	public String toString() {
		return "TreatmentPlan[" + this.planId + ", " + this.patient + ", " + this.location + ", " + this.practitioner
				+ ", version " + current().version() + " " + current().change() + ", " + terms() + "]";
	}

}
