package com.geminihealth.schemas;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static com.geminihealth.schemas.Topics.APPOINTMENTS;
import static com.geminihealth.schemas.Topics.APPOINTMENT_STATES;
import static com.geminihealth.schemas.Topics.BOOKING_COMMANDS;
import static com.geminihealth.schemas.Topics.BOOKING_COMMANDS_DEAD_LETTERS;
import static com.geminihealth.schemas.Topics.CONTACT_INQUIRIES;
import static com.geminihealth.schemas.Topics.DELIVERY_REPORTS;
import static com.geminihealth.schemas.Topics.DESTINATION_USES;
import static com.geminihealth.schemas.Topics.DUE_NOTICES;
import static com.geminihealth.schemas.Topics.ERASURES;
import static com.geminihealth.schemas.Topics.FRONT_DESK_MARKS;
import static com.geminihealth.schemas.Topics.IDEMPOTENCY_KEYS;
import static com.geminihealth.schemas.Topics.NOTIFICATIONS_DEAD_LETTERS;
import static com.geminihealth.schemas.Topics.NOTIFICATIONS_RETRIES;
import static com.geminihealth.schemas.Topics.NOTIFICATION_OUTCOMES;
import static com.geminihealth.schemas.Topics.PATIENT_PREFERENCES;
import static com.geminihealth.schemas.Topics.PATIENT_REPLIES;
import static com.geminihealth.schemas.Topics.REMINDERS_DEAD_LETTERS;
import static com.geminihealth.schemas.Topics.TREATMENT_PLANS;
import static com.geminihealth.schemas.Topics.SCHEDULE_CHANGES;
import static com.geminihealth.schemas.Topics.SESSION_FEEDBACK;
import static com.geminihealth.schemas.Topics.WAITLIST;

/**
 * Who may write and read each topic of the catalogue: one account (a Kafka principal,
 * {@code User:<name>}) per service, and one for integrations. A secured cluster's ACLs
 * are generated from this ({@link CatalogueAcls}), so what a service may do is written
 * once, beside the topics themselves.
 * <p>
 * Each entry says what the service's code does, no more: the topics its producers write,
 * the topics its consumers, tables and Kafka Streams applications read, its consumer
 * groups, and its Kafka Streams application, whose group, internal topics and
 * transactional ids are named after it. No service may create the catalogue's topics,
 * change their settings or touch ACLs: an operator's account does that
 * ({@code pipeline.topics.declare=false} on the services).
 */
public enum ServiceAccount {

	/**
	 * The HTTP doors (bookings, inquiries, patients' links, Twilio's webhooks, signed
	 * integrations), their ledgers, the erasure of what the decider pruned, and the
	 * decider (the Kafka Streams application {@code booking-decider}), which reads the
	 * front desk's schedule changes as a table.
	 */
	BOOKING_INTAKE("booking-intake",
			List.of(BOOKING_COMMANDS, CONTACT_INQUIRIES, PATIENT_REPLIES, DELIVERY_REPORTS, IDEMPOTENCY_KEYS,
					DESTINATION_USES, APPOINTMENTS, APPOINTMENT_STATES, BOOKING_COMMANDS_DEAD_LETTERS, WAITLIST),
			List.of(BOOKING_COMMANDS, ERASURES, IDEMPOTENCY_KEYS, DESTINATION_USES, APPOINTMENT_STATES,
					CONTACT_INQUIRIES, SCHEDULE_CHANGES),
			List.of("booking-intake-kept-records-erasure"), List.of(), "booking-decider"),

	/**
	 * Sends texts and emails: one consumer group per listener, the ledger, preferences,
	 * appointment states and erasures read as tables (no group), its own retries and dead
	 * letters. It claims each message in a transaction fenced by its consumer group, with
	 * transactional ids prefixed {@code notifications-}.
	 */
	NOTIFICATIONS("notifications", List.of(NOTIFICATION_OUTCOMES, NOTIFICATIONS_RETRIES, NOTIFICATIONS_DEAD_LETTERS),
			List.of(APPOINTMENTS, DUE_NOTICES, CONTACT_INQUIRIES, DELIVERY_REPORTS, NOTIFICATIONS_RETRIES,
					PATIENT_PREFERENCES, PATIENT_REPLIES, NOTIFICATION_OUTCOMES, APPOINTMENT_STATES, ERASURES,
					TREATMENT_PLANS, WAITLIST),
			List.of("appointment-sms", "due-notice-sms", "appointment-emails", "inquiry-emails", "due-notice-emails",
					"notification-retries", "delivery-reports", "treatment-plan-emails", "waitlist-sms",
					"waitlist-emails"),
			List.of(), null, "notifications-"),

	/**
	 * The scheduler, the preferences fold and the feedback it matches to sessions: the
	 * Kafka Streams application {@code reminders}.
	 */
	REMINDERS("reminders", List.of(DUE_NOTICES, PATIENT_PREFERENCES, SESSION_FEEDBACK, REMINDERS_DEAD_LETTERS),
			List.of(APPOINTMENTS, PATIENT_REPLIES, ERASURES, TREATMENT_PLANS), List.of(), List.of(), "reminders"),

	/**
	 * The front desk's view reads every topic, in a group of its own per instance
	 * ({@code dashboard-<random>}). It writes commands, the replies and preferences the
	 * front desk records, its marks, the practitioners' schedule changes, erasures,
	 * retries of failed notifications, and treatment plans (with their tombstones on
	 * erasure). It may replay a dead letter only to a topic it writes itself: never to
	 * another service's stream such as {@code appointments}.
	 */
	DASHBOARD("dashboard",
			List.of(BOOKING_COMMANDS, PATIENT_REPLIES, FRONT_DESK_MARKS, SCHEDULE_CHANGES, ERASURES,
					NOTIFICATIONS_RETRIES, TREATMENT_PLANS),
			Topics.ALL, List.of(), List.of("dashboard-"), null),

	/**
	 * A partner system (practice management, website, phone system): publishes booking
	 * commands and reads their outcomes, in consumer groups named {@code integration-*}.
	 */
	INTEGRATION("integration", List.of(BOOKING_COMMANDS), List.of(APPOINTMENTS), List.of(), List.of("integration-"),
			null);

	private final String user;

	private final List<Topic<?, ?>> writes;

	private final List<Topic<?, ?>> reads;

	private final List<String> groups;

	private final List<String> groupPrefixes;

	private final String streamsApplicationId;

	private final String transactionalIdPrefix;

	ServiceAccount(String user, List<Topic<?, ?>> writes, List<Topic<?, ?>> reads, List<String> groups,
			List<String> groupPrefixes, String streamsApplicationId) {
		this(user, writes, reads, groups, groupPrefixes, streamsApplicationId,
				(streamsApplicationId != null) ? streamsApplicationId + "-" : null);
	}

	ServiceAccount(String user, List<Topic<?, ?>> writes, List<Topic<?, ?>> reads, List<String> groups,
			List<String> groupPrefixes, String streamsApplicationId, String transactionalIdPrefix) {
		this.user = user;
		this.writes = List.copyOf(writes);
		this.reads = List.copyOf(reads);
		this.groups = List.copyOf(groups);
		this.groupPrefixes = List.copyOf(groupPrefixes);
		this.streamsApplicationId = streamsApplicationId;
		this.transactionalIdPrefix = transactionalIdPrefix;
	}

	/** The SASL user name, and so the principal {@code User:<user>}. */
	public String user() {
		return this.user;
	}

	/** The Kafka principal of this account, as ACLs name it. */
	public String principal() {
		return "User:" + this.user;
	}

	public List<Topic<?, ?>> writes() {
		return this.writes;
	}

	public List<Topic<?, ?>> reads() {
		return this.reads;
	}

	/** Consumer groups named in full. */
	public List<String> groups() {
		return this.groups;
	}

	/** Consumer groups named by their start, for groups an instance names itself. */
	public List<String> groupPrefixes() {
		return this.groupPrefixes;
	}

	/**
	 * The Kafka Streams application this account runs: its consumer group, the prefix of
	 * its internal topics ({@code <id>-...-changelog}, {@code -repartition}) and of its
	 * transactional ids.
	 */
	public Optional<String> streamsApplicationId() {
		return Optional.ofNullable(this.streamsApplicationId);
	}

	/**
	 * The prefix of the transactional ids this account's producers use, if any: its Kafka
	 * Streams application's ({@code <id>-}), or its own.
	 */
	public Optional<String> transactionalIdPrefix() {
		return Optional.ofNullable(this.transactionalIdPrefix);
	}

	/** The account of the service named {@code user}. */
	public static Optional<ServiceAccount> named(String user) {
		for (ServiceAccount account : values()) {
			if (account.user.equals(user)) {
				return Optional.of(account);
			}
		}
		return Optional.empty();
	}

	/** The accounts that may write {@code topic}. */
	public static Set<ServiceAccount> writersOf(Topic<?, ?> topic) {
		return java.util.Arrays.stream(values())
			.filter((account) -> account.writes.contains(topic))
			.collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(ServiceAccount.class)));
	}

	/** The accounts that may read {@code topic}. */
	public static Set<ServiceAccount> readersOf(Topic<?, ?> topic) {
		return java.util.Arrays.stream(values())
			.filter((account) -> account.reads.contains(topic))
			.collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(ServiceAccount.class)));
	}

}
