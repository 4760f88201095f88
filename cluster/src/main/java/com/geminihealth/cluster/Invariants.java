package com.geminihealth.cluster;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.geminihealth.cluster.ClusterShape.Layout;
import com.geminihealth.cluster.TopicReader.Rec;
import com.geminihealth.schemas.DeadLetters;
import com.geminihealth.schemas.Topic;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentCancelled;
import com.geminihealth.schemas.appointment.AppointmentCompleted;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentDeclined;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.appointment.AppointmentRescheduled;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.notification.NotificationFailed;
import com.geminihealth.schemas.notification.NotificationId;
import com.geminihealth.schemas.notification.NotificationOutcome;
import com.geminihealth.schemas.notification.NotificationSent;
import com.geminihealth.schemas.notification.NotificationSuppressed;
import com.geminihealth.schemas.reminder.DueNotice;
import com.geminihealth.schemas.reminder.ReminderDue;
import com.geminihealth.schemas.reminder.ThankYouDue;

/**
 * What the chaos run checks once the traffic is over, from the topics as an independent
 * consumer reads them and from what the sinks took: each a promise of the pipeline, each
 * broken promise a line in the report and a non-zero exit.
 */
final class Invariants {

	private static final HttpClient http = HttpClient.newHttpClient();

	private final Layout layout;

	private final ChaosRun.Ledger ledger;

	private final Map<String, Instant> reminderDue;

	private final TopicReader reader;

	private final Map<String, List<String>> broken = new LinkedHashMap<>();

	Invariants(Layout layout, Map<String, Object> connection, ChaosRun.Ledger ledger,
			Map<String, Instant> reminderDue) {
		this.layout = layout;
		this.ledger = ledger;
		this.reminderDue = reminderDue;
		this.reader = new TopicReader(connection);
	}

	/** A message the sinks took. */
	record Receipt(String channel, String notificationId, String to, boolean answerLost, Instant at) {
	}

	/**
	 * Waits until every accepted request is decided and nothing more arrives at the sinks
	 * or the outcomes for 45 s, at most {@code atMost}: retries back off, and after a
	 * kill the ledger's readers wait until the broker aborts the killed instance's open
	 * claim (its transaction timeout, then the broker's next look for timed-out
	 * transactions, up to 20 s) before the partition's new owner sends anything.
	 */
	private static final Duration QUIET = Duration.ofSeconds(45);

	void settle(Duration atMost) throws InterruptedException {
		long deadline = System.nanoTime() + atMost.toNanos();
		long quietSince = System.nanoTime();
		int lastReceipts = -1;
		int lastOutcomes = -1;
		while (System.nanoTime() < deadline) {
			int receipts = receipts().size();
			int outcomes = this.reader.readAll(Topics.NOTIFICATION_OUTCOMES).size();
			long undecided = this.ledger.accepted.keySet().size() - decisions().size();
			if (receipts != lastReceipts || outcomes != lastOutcomes || undecided > 0) {
				quietSince = System.nanoTime();
				lastReceipts = receipts;
				lastOutcomes = outcomes;
			}
			else if (System.nanoTime() - quietSince > QUIET.toNanos()) {
				return;
			}
			Thread.sleep(2000);
		}
	}

	private Map<String, Integer> decisions() {
		Map<String, Integer> decided = new HashMap<>();
		for (Rec<AppointmentId, AppointmentEvent> record : this.reader.readAll(Topics.APPOINTMENTS)) {
			String requestId = requestId(record.value());
			if (requestId != null && this.ledger.accepted.containsKey(requestId)) {
				decided.merge(requestId, 1, Integer::sum);
			}
		}
		return decided;
	}

	private static String requestId(AppointmentEvent event) {
		if (event instanceof AppointmentConfirmed confirmed) {
			return confirmed.requestId().uuid().toString();
		}
		if (event instanceof AppointmentDeclined declined) {
			return declined.requestId().uuid().toString();
		}
		return null;
	}

	/** Prints the report; returns whether every invariant held. */
	boolean check(PrintStream out) {
		List<Rec<AppointmentId, AppointmentEvent>> appointments = this.reader.readAll(Topics.APPOINTMENTS);
		List<Rec<AppointmentId, DueNotice>> notices = this.reader.readAll(Topics.DUE_NOTICES);
		List<Rec<NotificationId, NotificationOutcome>> outcomes = this.reader.readAll(Topics.NOTIFICATION_OUTCOMES);
		List<Receipt> receipts = receipts();

		out.println();
		out.println("== Chaos run report");
		out.println("traffic: " + this.ledger.summary());
		out.println("kills (kill -9, then started again): " + this.ledger.kills.size() + " "
				+ this.ledger.killedAt.stream().map((kill) -> kill.getKey() + "@" + kill.getValue()).toList());
		out.println("back (ready again after): " + this.ledger.restarts);

		decidedExactlyOnce(out, appointments);
		noPractitionerDoubleBooked(out, appointments);
		Map<String, List<Receipt>> byNotification = new HashMap<>();
		receipts
			.forEach((receipt) -> byNotification.computeIfAbsent(receipt.notificationId(), (id) -> new ArrayList<>())
				.add(receipt));
		Map<String, List<NotificationOutcome>> outcomesById = new LinkedHashMap<>();
		outcomes.stream()
			.filter((record) -> record.value() != null)
			.forEach((record) -> outcomesById
				.computeIfAbsent(record.value().notificationId().value(), (id) -> new ArrayList<>())
				.add(record.value()));
		sentExactlyOncePerChannel(out, appointments, notices, outcomesById, byNotification);
		remindersOnTimeAndNotForCancelled(out, appointments, notices, outcomesById, byNotification);
		nothingToOptedOut(out, receipts);
		deadLetters(out);

		out.println();
		if (this.broken.isEmpty()) {
			out.println("RESULT: every invariant held");
			return true;
		}
		out.println("RESULT: BROKEN");
		this.broken.forEach((invariant, cases) -> {
			out.printf("  %s: %d case(s)%n", invariant, cases.size());
			cases.stream().limit(10).forEach((c) -> out.println("    " + c));
		});
		return false;
	}

	private void breaks(String invariant, String detail) {
		this.broken.computeIfAbsent(invariant, (name) -> new ArrayList<>()).add(detail);
	}

	private void decidedExactlyOnce(PrintStream out, List<Rec<AppointmentId, AppointmentEvent>> appointments) {
		Map<String, Integer> decided = new HashMap<>();
		int confirmed = 0;
		int declined = 0;
		int unacknowledged = 0;
		for (Rec<AppointmentId, AppointmentEvent> record : appointments) {
			String requestId = requestId(record.value());
			if (requestId == null) {
				continue;
			}
			if (this.ledger.accepted.containsKey(requestId)) {
				decided.merge(requestId, 1, Integer::sum);
				if (record.value() instanceof AppointmentConfirmed) {
					confirmed++;
				}
				else {
					declined++;
				}
			}
			else {
				unacknowledged++;
			}
		}
		Map<String, Integer> byPhone = new HashMap<>();
		for (Rec<AppointmentId, AppointmentEvent> record : appointments) {
			Patient patient = (record.value() instanceof AppointmentConfirmed c) ? c.appointment().patient()
					: (record.value() instanceof AppointmentDeclined d) ? d.patient() : null;
			if (patient != null && this.ledger.phoneAccepted.contains(patient.email())) {
				byPhone.merge(patient.email(), 1, Integer::sum);
			}
		}
		for (String caller : this.ledger.phoneAccepted) {
			int times = byPhone.getOrDefault(caller, 0);
			if (times != 1) {
				breaks("every accepted request decided exactly once",
						"phone booking for " + caller + " decided " + times + " times");
			}
		}
		for (Map.Entry<String, String> accepted : this.ledger.accepted.entrySet()) {
			int times = decided.getOrDefault(accepted.getKey(), 0);
			if (times != 1) {
				breaks("every accepted request decided exactly once",
						"request " + accepted.getKey() + " (" + accepted.getValue() + ") decided " + times + " times");
			}
		}
		int phoneDecisions = byPhone.values().stream().mapToInt(Integer::intValue).sum();
		out.printf("decisions: %d requests accepted with an id, %d confirmed, %d declined; %d of %d phone bookings "
				+ "decided; %d decided whose acceptance the client never heard (a door's answer lost to a kill: "
				+ "allowed)%n", this.ledger.accepted.size(), confirmed, declined, byPhone.size(),
				this.ledger.phoneAccepted.size(), unacknowledged - phoneDecisions);
	}

	private void noPractitionerDoubleBooked(PrintStream out, List<Rec<AppointmentId, AppointmentEvent>> appointments) {
		Map<AppointmentId, AppointmentEvent> latest = new LinkedHashMap<>();
		for (Rec<AppointmentId, AppointmentEvent> record : appointments) {
			AppointmentEvent event = record.value();
			if (event != null && event.appointment() != null) {
				latest.put(event.appointmentId(), event);
			}
		}
		Map<String, List<Appointment>> byPractitioner = new TreeMap<>();
		latest.values()
			.stream()
			.filter((event) -> event instanceof AppointmentConfirmed || event instanceof AppointmentRescheduled
					|| event instanceof AppointmentCompleted)
			.map(AppointmentEvent::appointment)
			.forEach((appointment) -> byPractitioner
				.computeIfAbsent(appointment.practitioner().value(), (p) -> new ArrayList<>())
				.add(appointment));
		int held = 0;
		for (Map.Entry<String, List<Appointment>> entry : byPractitioner.entrySet()) {
			List<Appointment> sorted = new ArrayList<>(entry.getValue());
			sorted.sort((a, b) -> a.start().compareTo(b.start()));
			held += sorted.size();
			for (int i = 1; i < sorted.size(); i++) {
				if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
					breaks("no practitioner double-booked", entry.getKey() + ": " + sorted.get(i - 1).appointmentId()
							+ " and " + sorted.get(i).appointmentId() + " overlap at " + sorted.get(i).start());
				}
			}
		}
		out.printf("calendar: %d appointments held by %d practitioners (latest state of each)%n", held,
				byPractitioner.size());
	}

	/**
	 * Every decision, change, reminder and thank-you reaches each channel the patient has
	 * exactly once: a message id the sinks took twice is a duplicate, unless the sender
	 * never heard the first one answered (counted apart, as the architecture allows).
	 */
	private void sentExactlyOncePerChannel(PrintStream out, List<Rec<AppointmentId, AppointmentEvent>> appointments,
			List<Rec<AppointmentId, DueNotice>> notices, Map<String, List<NotificationOutcome>> outcomes,
			Map<String, List<Receipt>> receipts) {
		Map<String, String> expected = new LinkedHashMap<>();
		for (Rec<AppointmentId, AppointmentEvent> record : appointments) {
			AppointmentEvent event = record.value();
			if (record.eventId() == null || event == null) {
				continue;
			}
			if (event instanceof AppointmentConfirmed || event instanceof AppointmentRescheduled
					|| event instanceof AppointmentCancelled) {
				expectChannels(expected, record.eventId(), event.appointment().patient(), true, kind(event));
			}
			else if (event instanceof AppointmentDeclined declined) {
				expectChannels(expected, record.eventId(), declined.patient(), false, kind(event));
			}
		}
		for (Rec<AppointmentId, DueNotice> record : notices) {
			if (record.eventId() == null || record.value() == null) {
				continue;
			}
			if (record.value() instanceof ReminderDue reminder) {
				expected.put(record.eventId() + "|" + reminder.channel().name().toLowerCase(), "reminder");
			}
			else if (record.value() instanceof ThankYouDue thanks && thanks.appointment().patient().emailable()) {
				expected.put(record.eventId() + "|email", "thank-you");
			}
		}
		Map<String, Map<String, Integer>> tally = new TreeMap<>();
		Map<String, List<String>> idsBySource = new HashMap<>();
		for (String id : outcomes.keySet()) {
			idsBySource
				.computeIfAbsent(id.substring(0, id.indexOf(':')) + "|" + id.substring(id.lastIndexOf(':') + 1),
						(key) -> new ArrayList<>())
				.add(id);
		}
		for (String id : receipts.keySet()) {
			if (id != null && id.indexOf(':') > 0 && !outcomes.containsKey(id)) {
				idsBySource
					.computeIfAbsent(id.substring(0, id.indexOf(':')) + "|" + id.substring(id.lastIndexOf(':') + 1),
							(key) -> new ArrayList<>())
					.add(id);
			}
		}
		for (Map.Entry<String, String> expectation : expected.entrySet()) {
			String channel = expectation.getKey().substring(expectation.getKey().indexOf('|') + 1);
			String what = expectation.getValue() + " " + channel;
			List<String> ids = idsBySource.getOrDefault(expectation.getKey(), List.of());
			if (ids.isEmpty()) {
				breaks("every message decided (sent, suppressed or failed)",
						what + " for event " + expectation.getKey() + ": no outcome and nothing at the sink");
				tally.computeIfAbsent(what, (w) -> new TreeMap<>()).merge("missing", 1, Integer::sum);
				continue;
			}
			for (String id : ids) {
				List<Receipt> taken = receipts.getOrDefault(id, List.of());
				List<NotificationOutcome> said = outcomes.getOrDefault(id, List.of());
				NotificationOutcome last = said.isEmpty() ? null : said.get(said.size() - 1);
				String verdict;
				boolean unknownBefore = taken.stream()
					.limit(Math.max(0, taken.size() - 1))
					.anyMatch(Receipt::answerLost);
				if (taken.size() > 1 && unknownBefore) {
					verdict = "sent " + taken.size() + "x after an unknown outcome";
				}
				else if (taken.size() > 1 && notificationsKilledBetween(taken)) {
					verdict = "sent " + taken.size() + "x across a notifications kill";
				}
				else if (taken.size() > 1) {
					verdict = "DUPLICATE";
					breaks("every message sent at most once per channel",
							what + " " + id + " taken " + taken.size() + " times");
				}
				else if (taken.size() == 1) {
					verdict = taken.get(0).answerLost() ? "sent once, answer lost" : "sent once";
				}
				else if (last instanceof NotificationSuppressed suppressed) {
					verdict = "suppressed " + suppressed.reason();
				}
				else if (last instanceof NotificationFailed failed) {
					verdict = failed.permanent() ? "failed permanently" : "still retrying at the end";
				}
				else if (last instanceof NotificationSent) {
					verdict = "REPORTED SENT, NEVER TAKEN";
					breaks("every message reported sent was taken", what + " " + id);
				}
				else {
					verdict = "no outcome yet";
					breaks("every message decided (sent, suppressed or failed)", what + " " + id + ": no outcome");
				}
				tally.computeIfAbsent(what, (w) -> new TreeMap<>()).merge(verdict, 1, Integer::sum);
			}
		}
		out.println("messages (by what and channel: how each ended):");
		tally.forEach((what, verdicts) -> out.printf("  %-28s %s%n", what, verdicts));
	}

	/**
	 * Whether a notifications instance was killed between the first and the last copy:
	 * the window the architecture names (a crash between the provider's accept and the
	 * outcome record), counted apart. Necessary for that window, not proof of it.
	 */
	private boolean notificationsKilledBetween(List<Receipt> taken) {
		Instant first = taken.get(0).at();
		Instant last = taken.get(taken.size() - 1).at();
		return this.ledger.killedAt.stream()
			.anyMatch((kill) -> kill.getKey().startsWith("notifications-") && !kill.getValue().isBefore(first)
					&& !kill.getValue().isAfter(last));
	}

	private static String kind(AppointmentEvent event) {
		if (event instanceof AppointmentConfirmed) {
			return "confirmation";
		}
		if (event instanceof AppointmentRescheduled) {
			return "reschedule";
		}
		if (event instanceof AppointmentCancelled) {
			return "cancellation";
		}
		if (event instanceof AppointmentDeclined) {
			return "decline";
		}
		return event.getClass().getSimpleName();
	}

	private static void expectChannels(Map<String, String> expected, String eventId, Patient patient, boolean sms,
			String kind) {
		if (patient.emailable()) {
			expected.put(eventId + "|email", kind);
		}
		if (sms && patient.mobilePhone() != null) {
			expected.put(eventId + "|sms", kind);
		}
	}

	private void remindersOnTimeAndNotForCancelled(PrintStream out,
			List<Rec<AppointmentId, AppointmentEvent>> appointments, List<Rec<AppointmentId, DueNotice>> notices,
			Map<String, List<NotificationOutcome>> outcomes, Map<String, List<Receipt>> receipts) {
		Map<AppointmentId, Instant> cancelledAt = new HashMap<>();
		for (Rec<AppointmentId, AppointmentEvent> record : appointments) {
			if (record.value() instanceof AppointmentCancelled cancelled) {
				// Asked for at the record's time; known to the services once decided.
				Instant seen = this.ledger.cancellationsSeen.get(cancelled.appointmentId());
				cancelledAt.putIfAbsent(cancelled.appointmentId(),
						(seen != null && seen.isAfter(record.timestamp())) ? seen : record.timestamp());
			}
		}
		int reminders = 0;
		for (Rec<AppointmentId, DueNotice> record : notices) {
			if (!(record.value() instanceof ReminderDue reminder)) {
				continue;
			}
			reminders++;
			if (reminder.firedAt().isBefore(reminder.dueAt())) {
				breaks("no reminder early", reminder.appointmentId() + " " + reminder.rule() + " fired at "
						+ reminder.firedAt() + ", due " + reminder.dueAt());
			}
			Instant configured = this.reminderDue.get(reminder.rule());
			if (configured != null && reminder.dueAt().isBefore(configured)) {
				breaks("no reminder early", reminder.appointmentId() + " " + reminder.rule() + " due at "
						+ reminder.dueAt() + ", before the rule allows (" + configured + ")");
			}
			String id = record.eventId() + ":appointment-reminder:" + reminder.channel().name().toLowerCase();
			for (Receipt receipt : receipts.getOrDefault(id, List.of())) {
				if (receipt.at().isBefore(reminder.dueAt())) {
					breaks("no reminder early", id + " taken at " + receipt.at() + ", due " + reminder.dueAt());
				}
				Instant cancelled = cancelledAt.get(reminder.appointmentId());
				if (cancelled != null && receipt.at().isAfter(cancelled)) {
					breaks("no reminder for a cancelled appointment",
							id + " taken at " + receipt.at() + ", cancelled at " + cancelled);
				}
			}
		}
		out.printf("reminders: %d due notices fired, %d appointments cancelled%n", reminders, cancelledAt.size());
	}

	private void nothingToOptedOut(PrintStream out, List<Receipt> receipts) {
		int after = 0;
		for (Receipt receipt : receipts) {
			Instant optedOut = ("sms".equals(receipt.channel()) && receipt.to() != null)
					? this.ledger.optedOut.get(receipt.to()) : null;
			if (optedOut != null && receipt.at().isAfter(optedOut)) {
				after++;
				breaks("no message to an opted-out contact",
						receipt.notificationId() + " texted at " + receipt.at() + ", STOP answered at " + optedOut);
			}
		}
		out.printf("opt-outs: %d numbers replied STOP; %d texts reached them afterwards%n", this.ledger.optedOut.size(),
				after);
	}

	private void deadLetters(PrintStream out) {
		for (Topic<byte[], byte[]> topic : List.of(Topics.BOOKING_COMMANDS_DEAD_LETTERS,
				Topics.NOTIFICATIONS_DEAD_LETTERS, Topics.REMINDERS_DEAD_LETTERS)) {
			List<Rec<byte[], byte[]>> letters;
			try {
				letters = this.reader.readAll(topic);
			}
			catch (IllegalStateException ex) {
				out.printf("dead letters in %s: topic absent%n", topic.name());
				continue;
			}
			out.printf("dead letters in %s: %d%n", topic.name(), letters.size());
			for (Rec<byte[], byte[]> letter : letters) {
				out.printf("  from %s: %s%n", letter.headers().get(DeadLetters.SOURCE_TOPIC),
						letter.headers().get(DeadLetters.REASON));
			}
		}
	}

	private List<Receipt> receipts() {
		try {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create(this.layout.sinkUrl() + "/messages")).build(),
					HttpResponse.BodyHandlers.ofString());
			List<Receipt> receipts = new ArrayList<>();
			for (String line : response.body().split("\n")) {
				String[] fields = line.split("\t");
				if (fields.length >= 5) {
					receipts.add(new Receipt(fields[0], "null".equals(fields[1]) ? null : fields[1], fields[2],
							Boolean.parseBoolean(fields[3]), Instant.parse(fields[4])));
				}
			}
			return receipts;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not read what the sinks took", ex);
		}
	}

}
