package com.geminihealth.reminders.scheduler;

import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import com.geminihealth.schemas.Json;
import com.geminihealth.schemas.patient.PatientPreferences;

/**
 * The scheduler's state, in named persistent stores backed by changelog topics, so a
 * restarted or moved task finds everything still scheduled.
 */
final class SchedulerStores {

	/**
	 * Each appointment's next entry to fire, keyed by due time first (see
	 * {@link Due#key}).
	 */
	static final String DUE = "reminders-due";

	/** The index by appointment ({@link Tracked}). */
	static final String BY_APPOINTMENT = "reminders-by-appointment";

	/** The index by patient ({@link PatientAppointments}). */
	static final String BY_PATIENT = "reminders-by-patient";

	/**
	 * How many entries the task has still to fire, so a restarted task knows without
	 * reading every appointment's.
	 */
	static final String COUNT = "reminders-due-count";

	/**
	 * The appointments of each patient that have a notice on the compacted due-notices
	 * topic, keyed like {@link #BY_PATIENT}: an erasure must put a tombstone on each,
	 * long after the scheduler stopped tracking them.
	 */
	static final String NOTICES_BY_PATIENT = "reminders-notices-by-patient";

	/**
	 * The treatment plan each patient follows and their sessions of it so far
	 * ({@link FollowedPlan}), keyed like {@link #BY_PATIENT}.
	 */
	static final String PLANS = "reminders-treatment-plans";

	/**
	 * Each contact's current preferences, as last published on the preferences topic.
	 */
	static final String PREFERENCES = "reminders-patient-preferences";

	/**
	 * The sessions each patient was asked about and those they answered
	 * ({@link FeedbackQuestions}), keyed like {@link #BY_PATIENT}.
	 */
	static final String FEEDBACK_QUESTIONS = "reminders-feedback-questions";

	private SchedulerStores() {
	}

	static List<StoreBuilder<?>> builders() {
		return List.of(
				Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DUE), Serdes.Bytes(), DueSerde.serde()),
				Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BY_APPOINTMENT), Serdes.String(),
						Json.serde(Tracked.class)),
				Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BY_PATIENT), Serdes.String(),
						Json.serde(PatientAppointments.class)),
				// Cached: rewritten after every record, it reaches the changelog once per
				// commit.
				Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COUNT), Serdes.String(), Serdes.Long())
					.withCachingEnabled(),
				Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(NOTICES_BY_PATIENT), Serdes.String(),
						Json.serde(NoticedAppointments.class)),
				Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PLANS), Serdes.String(),
						Json.serde(FollowedPlan.class)),
				Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PREFERENCES), Serdes.String(),
						Json.serde(PatientPreferences.class)),
				Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(FEEDBACK_QUESTIONS), Serdes.String(),
						Json.serde(FeedbackQuestions.class)));
	}

}
