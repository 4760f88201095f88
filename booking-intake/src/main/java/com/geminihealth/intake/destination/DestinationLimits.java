package com.geminihealth.intake.destination;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

import com.geminihealth.intake.ledger.Ledger;
import com.geminihealth.intake.web.FieldProblem;
import com.geminihealth.intake.web.InvalidFields;
import com.geminihealth.intake.web.LimitReached;
import com.geminihealth.intake.web.PhoneNumbers;
import com.geminihealth.schemas.intake.DestinationUsed;
import com.geminihealth.schemas.reminder.Channel;

/**
 * Limits what requests at the public doors send one phone number or email address: so
 * many requests a day each ({@link DestinationLimitProperties}), and texts only to the
 * clinic's countries. This is what stops a bot from pumping texts to premium numbers or
 * bombing an inbox through the clinic, whichever addresses it sends from.
 * <p>
 * The count is kept on the {@code destination-uses} topic and read by every instance, so
 * it holds however many instances there are and across restarts. A request is checked
 * against what this instance has read and what it has counted itself, then its use is
 * written in the same batch as the request's own record: the check costs no round trip to
 * the broker. One instance counts exactly; instances that each admit a request for the
 * same destination in the few milliseconds before they read each other's uses may let one
 * more through each, never more than that per instance. A request counts once however
 * often it is sent (a retry under its idempotency key), and no use is written for a
 * refused one, so a flood writes nothing.
 */
@Component
public class DestinationLimits {

	static final Duration DAY = Duration.ofDays(1);

	private final Ledger<DestinationUsed> uses;

	private final DestinationLimitProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	DestinationLimits(Ledger<DestinationUsed> uses, DestinationLimitProperties properties, Clock clock,
			MeterRegistry meters) {
		this.uses = uses;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
		for (String reason : List.of("text-country", "text-limit", "email-limit")) {
			refusals(reason);
		}
	}

	/**
	 * Counts {@code request} against each destination given (nulls are skipped), or
	 * refuses it: {@link InvalidFields} for a number outside the clinic's countries,
	 * {@link LimitReached} for a destination that has had its day's requests.
	 * @param request the request's id, the same when it is sent again
	 */
	public void allow(UUID request, Destination... destinations) {
		List<Destination> given = Stream.of(destinations).filter(Objects::nonNull).toList();
		InvalidFields.Builder abroad = InvalidFields.builder();
		for (Destination destination : given) {
			if (destination.channel() == Channel.SMS
					&& !this.properties.textCountries().contains(PhoneNumbers.region(destination.address()))) {
				refusals("text-country").increment();
				abroad.add(destination.field(),
						"we text numbers in " + countries() + " only; leave it empty or call us");
			}
		}
		abroad.throwIfAny();
		// One request at a time, so that each sees the uses the one before it counted.
		synchronized (this) {
			refuseIfOver(given, request);
			for (Destination destination : given) {
				if (this.uses.entries(destination.digest())
					.stream()
					.noneMatch((use) -> use.request().equals(request))) {
					this.uses.record(destination.digest(),
							new DestinationUsed(request, destination.channel(), this.clock.instant()));
				}
			}
		}
	}

	private void refuseIfOver(List<Destination> destinations, UUID request) {
		List<FieldProblem> over = new ArrayList<>();
		Instant reopens = Instant.MIN;
		for (Destination destination : destinations) {
			List<DestinationUsed> used = this.uses.entries(destination.digest());
			if (place(used, request) > limit(destination.channel())) {
				refusals((destination.channel() == Channel.SMS) ? "text-limit" : "email-limit").increment();
				over.add(new FieldProblem(destination.field(), (destination.channel() == Channel.SMS)
						? "we have texted this number as often as we do in a day; leave it empty or call us"
						: "we have written to this address as often as we do in a day; try again tomorrow or call us"));
				// Nothing changes for the destination before its oldest use ages out.
				Instant changes = used.stream()
					.map(DestinationUsed::at)
					.min(Instant::compareTo)
					.orElseThrow()
					.plus(DAY);
				reopens = changes.isAfter(reopens) ? changes : reopens;
			}
		}
		if (!over.isEmpty()) {
			throw new LimitReached(over, Duration.between(this.clock.instant(), reopens));
		}
	}

	/**
	 * The request's place among the distinct requests that used a destination, first
	 * first; one past the end if it is not among them.
	 */
	private static int place(List<DestinationUsed> used, UUID request) {
		List<UUID> requests = new ArrayList<>(
				used.stream().map(DestinationUsed::request).collect(Collectors.toCollection(LinkedHashSet::new)));
		int index = requests.indexOf(request);
		return ((index >= 0) ? index : requests.size()) + 1;
	}

	private int limit(Channel channel) {
		return (channel == Channel.SMS) ? this.properties.textsPerDay() : this.properties.emailsPerDay();
	}

	private String countries() {
		return this.properties.textCountries()
			.stream()
			.map((code) -> new Locale("", code).getDisplayCountry(Locale.ENGLISH))
			.collect(Collectors.joining(" and "));
	}

	private Counter refusals(String reason) {
		return Counter.builder("intake.destination.refused")
			.description("Public requests refused because of where they would send a text or an email")
			.tag("reason", reason)
			.register(this.meters);
	}

}
