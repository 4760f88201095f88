package com.geminihealth.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import com.geminihealth.cluster.ClusterShape.Layout;
import com.geminihealth.cluster.TopicReader.Rec;
import com.geminihealth.schemas.ServiceAccount;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentCancelled;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.appointment.AppointmentRescheduled;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.booking.BookAppointment;
import com.geminihealth.schemas.booking.BookingChannel;
import com.geminihealth.schemas.booking.BookingCommand;
import com.geminihealth.schemas.booking.CommandId;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.MarkCompleted;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.booking.ServiceId;
import com.geminihealth.schemas.link.ManageTokens;

/**
 * The chaos run: starts the local cluster with the sinks failing some sends, drives a mix
 * of what patients, integrations and the front desk do, kills -9 a random broker or
 * service instance every few seconds and starts it again, then reads every topic back
 * with its own consumer and the sinks' list of what arrived, and checks the pipeline's
 * promises ({@link Invariants}). Exits 1 when one breaks.
 *
 * <pre>
 * java -cp cluster/target/cluster-0.1.0-SNAPSHOT.jar com.geminihealth.cluster.ChaosRun \
 *     [--seconds 75] [--kill-every 8] [--root target/chaos] [--port-offset 20000] [--seed N]
 * </pre>
 */
public final class ChaosRun {

	static final ZoneId ZONE = ZoneId.of("America/Toronto");

	/** Where and what the mix books: pairs a practitioner of the clinic works at. */
	private static final List<String[]> OFFERS = List.of(new String[] { "burlington", "rmt-swedish-60", "maya-chen" },
			new String[] { "burlington", "physio-follow-up", "sophie-tremblay" },
			new String[] { "oakville", "physio-follow-up", "arjun-patel" },
			new String[] { "hamilton", "rmt-deep-tissue-60", "liam-obrien" },
			new String[] { "burlington", "chiro-visit", "elena-rossi" });

	private static final java.util.regex.Pattern CSRF = java.util.regex.Pattern
		.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	/** Each driver is one front-desk user with a session of its own. */
	private final ThreadLocal<HttpClient> frontDesk = ThreadLocal.withInitial(() -> HttpClient.newBuilder()
		.cookieHandler(new java.net.CookieManager())
		.connectTimeout(Duration.ofSeconds(2))
		.build());

	/**
	 * The start time whose reminders fall due during the run ({@link #reminderRules}).
	 */
	static final LocalTime REMINDED_TIME = LocalTime.of(9, 0);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final LocalCluster cluster;

	private final Random random;

	private final LocalDate remindedDay;

	private final Map<String, Instant> reminderDue;

	private final ManageTokens tokens = new ManageTokens(ClusterShape.MANAGE_LINKS_SECRET);

	private final Ledger ledger = new Ledger();

	private final AtomicInteger contacts = new AtomicInteger();

	private volatile boolean driving = true;

	private ChaosRun(LocalCluster cluster, long seed, LocalDate remindedDay, Map<String, Instant> reminderDue) {
		this.cluster = cluster;
		this.random = new Random(seed);
		this.remindedDay = remindedDay;
		this.reminderDue = reminderDue;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>(Map.of("--seconds", "75", "--kill-every", "8", "--root",
				"target/chaos", "--port-offset", "20000", "--seed", String.valueOf(System.nanoTime())));
		for (int i = 0; i + 1 < args.length; i += 2) {
			if (!options.containsKey(args[i])) {
				throw new IllegalArgumentException("Unknown option " + args[i]);
			}
			options.put(args[i], args[i + 1]);
		}
		int seconds = Integer.parseInt(options.get("--seconds"));
		long seed = Long.parseLong(options.get("--seed"));
		Layout layout = new Layout(Path.of(options.get("--root")), Integer.parseInt(options.get("--port-offset")));
		deleteRecursively(layout.root());
		LocalDate remindedDay = nextWeekday(LocalDate.now(ZONE).plusDays(3));
		// The cluster takes a minute or two to start; reminders fall due from then on,
		// one
		// start time after another, across the run.
		Instant firstDue = Instant.now().plusSeconds(120).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		Map<String, Instant> reminderDue = new LinkedHashMap<>();
		Map<String, String> remindersEnv = reminderRules(remindedDay, firstDue, seconds, reminderDue);
		Map<String, String> anywhere = Map.of("NOTIFICATIONS_SMS_QUIETHOURS_START", "00:00",
				"NOTIFICATIONS_SMS_QUIETHOURS_END", "00:00", "NOTIFICATIONS_SMS_MESSAGESPERSECOND", "50",
				"INTAKE_RATELIMIT_REQUESTS", "1000000", "INTAKE_RATELIMIT_READS", "1000000");
		LocalCluster.Settings settings = new LocalCluster.Settings(Map.of(),
				Map.of("*", anywhere, "reminders", remindersEnv), 0.1, 0.02);
		LocalCluster cluster = new LocalCluster(layout, Path.of(""), settings);
		System.out.printf("Chaos run: %d s of traffic, a kill every %s s, seed %d, cluster in %s%n", seconds,
				options.get("--kill-every"), seed, layout.root());
		long startNanos = System.nanoTime();
		int exit;
		try {
			cluster.start();
			System.out.printf("cluster ready in %d s%n",
					TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos));
			ChaosRun run = new ChaosRun(cluster, seed, remindedDay, reminderDue);
			exit = run.run(Duration.ofSeconds(seconds),
					Duration.ofSeconds(Long.parseLong(options.get("--kill-every"))));
		}
		finally {
			cluster.stop();
		}
		System.out.printf("chaos run took %d s in all%n",
				TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos));
		System.exit(exit);
	}

	/**
	 * Reminder rules that fall due for an appointment at {@link #REMINDED_TIME} on the
	 * reminded day once a minute, from two minutes after launch until well after the run
	 * (the cluster's start-up takes one to six minutes here, so the run's own window is
	 * not known in advance), alternating email and text. An appointment at a later time
	 * is reminded later still (after the run), one at an earlier time not at all (those
	 * due times are past when it is booked).
	 */
	static Map<String, String> reminderRules(LocalDate day, Instant firstDue, int seconds,
			Map<String, Instant> dueByRule) {
		Map<String, String> env = new LinkedHashMap<>();
		Instant start = day.atTime(REMINDED_TIME).atZone(ZONE).toInstant();
		int rules = (480 + seconds) / 60 + 1;
		for (int k = 0; k < rules; k++) {
			String channel = (k % 2 == 0) ? "email" : "sms";
			Instant due = firstDue.plusSeconds(60L * k);
			String name = "chaos-" + channel + "-" + k;
			env.put("REMINDERS_POLICY_RULES_" + k + "_NAME", name);
			env.put("REMINDERS_POLICY_RULES_" + k + "_CHANNEL", channel);
			env.put("REMINDERS_POLICY_RULES_" + k + "_BEFORE", Duration.between(due, start).toString());
			dueByRule.put(name, due);
		}
		// A minute of quiet hours half a day away: texts are due at any moment of the
		// run.
		// (Equal start and end would not do: the scheduler reads them as quiet all day.)
		LocalTime quiet = LocalTime.now(ZONE).plusHours(12).withSecond(0).withNano(0);
		env.put("REMINDERS_POLICY_QUIETHOURS_START", quiet.toString());
		env.put("REMINDERS_POLICY_QUIETHOURS_END", quiet.plusMinutes(1).toString());
		return env;
	}

	private static LocalDate nextWeekday(LocalDate day) {
		LocalDate next = day;
		while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
			next = next.plusDays(1);
		}
		return next;
	}

	private int run(Duration duration, Duration killEvery) throws Exception {
		AppointmentWatcher watcher = new AppointmentWatcher(this.cluster.operatorSettings(),
				this.ledger.cancellationsSeen);
		watcher.start();
		List<Thread> drivers = new ArrayList<>();
		try (KafkaProducer<byte[], byte[]> producer = producer()) {
			for (int i = 0; i < 3; i++) {
				Thread driver = new Thread(() -> drive(watcher, producer), "driver-" + i);
				driver.start();
				drivers.add(driver);
			}
			List<String> kills = new ArrayList<>();
			Map<String, Long> restarting = new ConcurrentHashMap<>();
			long end = System.nanoTime() + duration.toNanos();
			while (System.nanoTime() < end) {
				Thread.sleep(killEvery.toMillis());
				if (System.nanoTime() >= end) {
					break;
				}
				String victim = victim(restarting.keySet());
				if (victim == null) {
					continue;
				}
				restarting.put(victim, System.nanoTime());
				this.ledger.killedAt.add(Map.entry(victim, Instant.now()));
				this.cluster.kill(victim);
				Thread.sleep(500);
				this.cluster.launch(victim);
				kills.add(victim);
				System.out.printf("%s killed -9 and started again%n", victim);
				Thread watch = new Thread(() -> awaitBack(victim, restarting), "watch-" + victim);
				watch.setDaemon(true);
				watch.start();
			}
			this.driving = false;
			for (Thread driver : drivers) {
				driver.join();
			}
			// Whatever was killed last comes back before the checks: the promises are
			// about
			// a cluster that recovers, not one that is still down.
			long back = System.nanoTime() + TimeUnit.MINUTES.toNanos(7);
			while (!restarting.isEmpty() && System.nanoTime() < back) {
				Thread.sleep(1000);
			}
			this.ledger.kills.addAll(kills);
		}
		System.out.printf("traffic over: %s; settling%n", this.ledger.summary());
		Invariants invariants = new Invariants(this.cluster.layout(), this.cluster.operatorSettings(), this.ledger,
				this.reminderDue);
		invariants.settle(Duration.ofSeconds(240));
		watcher.close();
		return invariants.check(System.out) ? 0 : 1;
	}

	/**
	 * A node or instance to kill: any that is up, as long as no other node is coming back
	 * (two nodes down stop every write, min.insync.replicas being 2) and no other
	 * instance of its service is (then the service would be gone, not failing over).
	 */
	private String victim(java.util.Set<String> restarting) {
		List<String> candidates = new ArrayList<>();
		boolean nodeDown = restarting.stream().anyMatch((name) -> name.startsWith("node-"));
		if (!nodeDown) {
			candidates.addAll(this.cluster.nodes());
		}
		for (String instance : this.cluster.serviceInstances()) {
			String service = instance.substring(0, instance.lastIndexOf('-'));
			if (restarting.stream().noneMatch((name) -> name.startsWith(service + "-"))) {
				candidates.add(instance);
			}
		}
		return candidates.isEmpty() ? null : candidates.get(this.random.nextInt(candidates.size()));
	}

	private void awaitBack(String victim, Map<String, Long> restarting) {
		try {
			if (victim.startsWith("node-")) {
				this.cluster.awaitNode(victim);
			}
			else {
				this.cluster.awaitReady(victim);
			}
			long took = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - restarting.get(victim));
			this.ledger.restarts.add(victim + " " + took + " s");
			System.out.printf("%s back in %d s%n", victim, took);
		}
		catch (Exception ex) {
			this.ledger.restarts.add(victim + " NOT BACK: " + ex.getMessage());
		}
		finally {
			restarting.remove(victim);
		}
	}

	private KafkaProducer<byte[], byte[]> producer() {
		Properties props = new Properties();
		// It books as a partner system would, with the integration account.
		props.putAll(this.cluster.clientSettings(ServiceAccount.INTEGRATION.user()));
		props.put(ProducerConfig.ACKS_CONFIG, "all");
		props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30000);
		props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
		props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		return new KafkaProducer<>(props);
	}

	/**
	 * One driver: a patient, an integration or the front desk at a time, as the dice say.
	 */
	private void drive(AppointmentWatcher watcher, KafkaProducer<byte[], byte[]> producer) {
		while (this.driving) {
			try {
				int dice = ThreadLocalRandom.current().nextInt(100);
				Appointment confirmed = watcher.randomLive();
				if (dice < 30 || confirmed == null) {
					bookOnline();
				}
				else if (dice < 40) {
					bookByPhone();
				}
				else if (dice < 55) {
					bookOnKafka(producer);
				}
				else if (dice < 65) {
					cancelByLink(confirmed);
				}
				else if (dice < 73) {
					rescheduleByLink(confirmed);
				}
				else if (dice < 81) {
					completeOnKafka(producer, confirmed);
				}
				else if (dice < 93) {
					reply(confirmed, "C");
				}
				else {
					reply(confirmed, "STOP");
				}
				Thread.sleep(ThreadLocalRandom.current().nextInt(100, 400));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (Exception ex) {
				this.ledger.errors.incrementAndGet();
			}
		}
	}

	private LocalDateTime someStart(boolean reminded) {
		ThreadLocalRandom dice = ThreadLocalRandom.current();
		if (reminded) {
			return this.remindedDay.atTime(REMINDED_TIME);
		}
		LocalDate day = nextWeekday(this.remindedDay.plusDays(1 + dice.nextInt(5)));
		return day.atTime(9 + dice.nextInt(6), 15 * dice.nextInt(4));
	}

	private String[] someOffer() {
		return OFFERS.get(ThreadLocalRandom.current().nextInt(OFFERS.size()));
	}

	private String[] someContact() {
		int n = this.contacts.incrementAndGet();
		String phone = String.format("+1289%03d%04d", 300 + (n / 10000) % 600, n % 10000);
		return new String[] { "chaos" + n + "@example.com", phone };
	}

	/**
	 * A patient on the booking page's API, retrying on another instance with the same
	 * key.
	 */
	private void bookOnline() throws Exception {
		String[] offer = someOffer();
		String[] contact = someContact();
		LocalDateTime start = someStart(ThreadLocalRandom.current().nextInt(3) == 0);
		String json = """
				{"patientName":"Chaos Patient","email":"%s","mobilePhone":"%s","smsConsent":true,"location":"%s",\
				"service":"%s","requestedStart":"%s"}""".formatted(contact[0], contact[1], offer[0], offer[1], start);
		String key = UUID.randomUUID().toString();
		for (int attempt = 0; attempt < 6 && this.driving; attempt++) {
			HttpResponse<String> response;
			try {
				response = http.send(HttpRequest.newBuilder(URI.create(intakeUrl(attempt) + "/api/bookings"))
					.timeout(Duration.ofSeconds(15))
					.header("Content-Type", "application/json")
					.header("Idempotency-Key", key)
					.POST(HttpRequest.BodyPublishers.ofString(json))
					.build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (java.io.IOException ex) {
				Thread.sleep(500);
				continue;
			}
			if (response.statusCode() == 202) {
				String requestId = response.body().replaceAll(".*\"requestId\":\"([^\"]+)\".*", "$1");
				this.ledger.accept(requestId, "online");
				return;
			}
			if (response.statusCode() == 503) {
				Thread.sleep(500);
				continue;
			}
			this.ledger.refused.merge("online " + response.statusCode(), 1, Integer::sum);
			return;
		}
		this.ledger.refused.merge("online gave up", 1, Integer::sum);
	}

	/**
	 * The front desk booking a caller on the dashboard's form (which publishes the
	 * command itself and names no request id: the decision is found by the caller's
	 * email).
	 */
	private void bookByPhone() throws Exception {
		String[] offer = someOffer();
		String[] contact = someContact();
		LocalDateTime start = someStart(ThreadLocalRandom.current().nextInt(3) == 0);
		String authorization = "Basic " + Base64.getEncoder()
			.encodeToString((ClusterShape.DASHBOARD_USERNAME + ":" + ClusterShape.DASHBOARD_PASSWORD)
				.getBytes(StandardCharsets.UTF_8));
		int instance = ThreadLocalRandom.current().nextInt(ClusterShape.INSTANCES);
		String dashboard = "http://localhost" + ":"
				+ ClusterShape.service("dashboard").port(this.cluster.layout(), instance);
		HttpClient client = this.frontDesk.get();
		String page = client
			.send(HttpRequest.newBuilder(URI.create(dashboard + "/bookings/new"))
				.timeout(Duration.ofSeconds(15))
				.header("Authorization", authorization)
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
		java.util.regex.Matcher csrf = CSRF.matcher(page);
		if (!csrf.find()) {
			this.ledger.count("phone form unavailable");
			return;
		}
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", csrf.group(1));
		form.put("location", offer[0]);
		form.put("service", offer[1]);
		form.put("slot", start + "|" + offer[2]);
		form.put("patientName", "Chaos Caller");
		form.put("mobilePhone", contact[1].substring(2));
		form.put("email", contact[0]);
		form.put("smsConsent", "true");
		StringBuilder body = new StringBuilder();
		form.forEach((name, value) -> body.append((body.length() > 0) ? "&" : "")
			.append(name)
			.append('=')
			.append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(dashboard + "/bookings"))
			.timeout(Duration.ofSeconds(15))
			.header("Authorization", authorization)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() == 302 && response.headers().firstValue("Location").orElse("").contains("/today")) {
			this.ledger.phoneAccepted.add(contact[0]);
		}
		else {
			this.ledger.refused.merge("phone " + response.statusCode(), 1, Integer::sum);
		}
	}

	private String intakeUrl(int attempt) {
		int instance = (ThreadLocalRandom.current().nextInt(2) + attempt) % ClusterShape.INSTANCES;
		return "http://localhost:" + ClusterShape.service("booking-intake").port(this.cluster.layout(), instance);
	}

	/** A practice-management system publishing onto the command stream. */
	private void bookOnKafka(KafkaProducer<byte[], byte[]> producer) throws Exception {
		String[] offer = someOffer();
		String[] contact = someContact();
		RequestId requestId = RequestId.random();
		BookAppointment book = new BookAppointment(requestId, new LocationId(offer[0]), new ServiceId(offer[1]), null,
				someStart(ThreadLocalRandom.current().nextInt(3) == 0),
				new Patient("Chaos Integration", contact[0], contact[1], Language.EN, new Consent(true, false, false)),
				null, null, BookingChannel.INTEGRATION);
		if (publish(producer, book)) {
			this.ledger.accept(requestId.uuid().toString(), "kafka");
		}
	}

	private void completeOnKafka(KafkaProducer<byte[], byte[]> producer, Appointment appointment) throws Exception {
		if (appointment.start().atZone(ZONE).toLocalDate().equals(this.remindedDay)) {
			// Left to be reminded: a completed appointment's reminders are rightly
			// suppressed.
			return;
		}
		MarkCompleted complete = new MarkCompleted(CommandId.random(), appointment.location(),
				appointment.appointmentId(), "Stretch gently twice a day.", Author.integration("chaos-run"));
		if (publish(producer, complete)) {
			this.ledger.completions.incrementAndGet();
		}
	}

	private boolean publish(KafkaProducer<byte[], byte[]> producer, BookingCommand command) {
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.BOOKING_COMMANDS.name(), null, null);
		byte[] key = Topics.BOOKING_COMMANDS.keySerde().serializer().serialize(record.topic(), command.location());
		ProducerRecord<byte[], byte[]> keyed = new ProducerRecord<>(record.topic(), key, null);
		byte[] value = Topics.BOOKING_COMMANDS.valueSerde()
			.serializer()
			.serialize(record.topic(), keyed.headers(), command);
		try {
			producer.send(new ProducerRecord<>(record.topic(), null, key, value, keyed.headers()))
				.get(35, TimeUnit.SECONDS);
			return true;
		}
		catch (Exception ex) {
			this.ledger.refused.merge("kafka not acknowledged", 1, Integer::sum);
			return false;
		}
	}

	private HttpResponse<String> manage(Appointment appointment, String action, String json) throws Exception {
		String token = this.tokens.issue(appointment.appointmentId(), appointment.sequence());
		return http.send(HttpRequest
			.newBuilder(URI
				.create(intakeUrl(0) + "/api/appointments/" + appointment.appointmentId().value() + "/" + action))
			.timeout(Duration.ofSeconds(15))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private void cancelByLink(Appointment appointment) throws Exception {
		HttpResponse<String> response = manage(appointment, "cancel", "{\"reason\":\"chaos\"}");
		this.ledger.count("cancel " + response.statusCode());
	}

	private void rescheduleByLink(Appointment appointment) throws Exception {
		LocalDateTime newStart = someStart(false);
		HttpResponse<String> response = manage(appointment, "reschedule", "{\"newStart\":\"" + newStart + "\"}");
		this.ledger.count("reschedule " + response.statusCode());
	}

	/**
	 * A text from the patient's phone, as Twilio posts it, signed with the account's
	 * token.
	 */
	private void reply(Appointment appointment, String body) throws Exception {
		String phone = appointment.patient().mobilePhone();
		if (phone == null) {
			return;
		}
		String path = "/twilio/inbound";
		Map<String, String> form = new TreeMap<>(Map.of("From", phone, "To", ClusterShape.TWILIO_FROM_NUMBER, "Body",
				body, "MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""), "AccountSid",
				ClusterShape.TWILIO_ACCOUNT_SID));
		String publicUrl = "http://localhost:" + ClusterShape.service("booking-intake").port(this.cluster.layout(), 0)
				+ path;
		StringBuilder signed = new StringBuilder(publicUrl);
		StringBuilder encoded = new StringBuilder();
		form.forEach((name, value) -> {
			signed.append(name).append(value);
			encoded.append((encoded.length() > 0) ? "&" : "")
				.append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8))
				.append('=')
				.append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
		});
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec(ClusterShape.TWILIO_AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
		String signature = Base64.getEncoder()
			.encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(intakeUrl(0) + path))
			.timeout(Duration.ofSeconds(15))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Twilio-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(encoded.toString()))
			.build(), HttpResponse.BodyHandlers.ofString());
		this.ledger.count("reply " + body + " " + response.statusCode());
		if (response.statusCode() / 100 == 2 && body.equals("STOP")) {
			this.ledger.optedOut.putIfAbsent(phone, Instant.now());
		}
	}

	private static void deleteRecursively(Path root) throws java.io.IOException {
		if (Files.exists(root)) {
			try (var paths = Files.walk(root)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
	}

	/** What the mix did, as the checks need it. */
	static final class Ledger {

		final Map<String, String> accepted = new ConcurrentHashMap<>();

		final Map<String, Integer> refused = new ConcurrentHashMap<>();

		/**
		 * Phone bookings the dashboard took, by the caller's email (unique to each
		 * booking).
		 */
		final java.util.Set<String> phoneAccepted = ConcurrentHashMap.newKeySet();

		final Map<String, Integer> actions = new ConcurrentHashMap<>();

		/**
		 * When each cancellation was first readable on the appointments topic: a reminder
		 * taken before that went out while the cancellation was not yet decided (its
		 * decider failing over), which no service could know of.
		 */
		final Map<AppointmentId, Instant> cancellationsSeen = new ConcurrentHashMap<>();

		/** The moment each number's STOP was answered: accepted, so durable. */
		final Map<String, Instant> optedOut = new ConcurrentHashMap<>();

		final AtomicInteger completions = new AtomicInteger();

		final AtomicLong errors = new AtomicLong();

		final List<String> kills = new java.util.concurrent.CopyOnWriteArrayList<>();

		final List<String> restarts = new java.util.concurrent.CopyOnWriteArrayList<>();

		final List<Map.Entry<String, Instant>> killedAt = new java.util.concurrent.CopyOnWriteArrayList<>();

		void accept(String requestId, String door) {
			this.accepted.put(requestId, door);
		}

		void count(String what) {
			this.actions.merge(what, 1, Integer::sum);
		}

		String summary() {
			long online = this.accepted.values().stream().filter("online"::equals).count();
			return "%d bookings accepted (%d online, %d by phone at the front desk, %d on Kafka), %d completions sent, actions %s, refused %s, %d driver errors"
				.formatted(this.accepted.size() + this.phoneAccepted.size(), online, this.phoneAccepted.size(),
						this.accepted.size() - online, this.completions.get(), new TreeMap<>(this.actions),
						new TreeMap<>(this.refused), this.errors.get());
		}

	}

	/**
	 * Follows the decider's output, so that the mix acts on appointments that exist, and
	 * notes when each cancellation became readable.
	 */
	static final class AppointmentWatcher extends Thread {

		private final TopicReader reader;

		private final Map<AppointmentId, Appointment> live = new ConcurrentHashMap<>();

		private final ConcurrentLinkedQueue<AppointmentId> order = new ConcurrentLinkedQueue<>();

		private volatile boolean open = true;

		private final Map<AppointmentId, Instant> cancellationsSeen;

		AppointmentWatcher(Map<String, Object> connection, Map<AppointmentId, Instant> cancellationsSeen) {
			super("appointment-watcher");
			this.reader = new TopicReader(connection);
			this.cancellationsSeen = cancellationsSeen;
			setDaemon(true);
		}

		@Override
		public void run() {
			this.reader.follow(Topics.APPOINTMENTS, () -> this.open, this::seen);
		}

		private void seen(Rec<AppointmentId, AppointmentEvent> record) {
			AppointmentEvent event = record.value();
			if (event instanceof AppointmentConfirmed || event instanceof AppointmentRescheduled) {
				if (this.live.put(event.appointmentId(), event.appointment()) == null) {
					this.order.add(event.appointmentId());
				}
			}
			else if (event != null && event.appointment() != null) {
				this.live.remove(event.appointmentId());
			}
			if (event instanceof AppointmentCancelled) {
				this.cancellationsSeen.putIfAbsent(event.appointmentId(), Instant.now());
			}
		}

		Appointment randomLive() {
			List<Appointment> appointments = new ArrayList<>(this.live.values());
			return appointments.isEmpty() ? null
					: appointments.get(ThreadLocalRandom.current().nextInt(appointments.size()));
		}

		void close() throws InterruptedException {
			this.open = false;
			join(10000);
		}

	}

}
