package com.geminihealth.platform.clinic;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The clinic group: its locations, services, practitioners and booking rules, keyed by
 * id. Everything clinic-specific lives here, so another clinic runs on the same code.
 * Checked at start-up: a mistake stops the service with a message naming it.
 * <p>
 * One definition for every service: {@code clinic.yml}, shipped beside this class and
 * imported by each service's configuration ({@code spring.config.import}), so the
 * decider, the messages, the reminders and the front desk's dashboard read the same
 * locations, services and hours, and a deployment overrides them in one place
 * (environment variables such as {@code CLINIC_PHONE}, or a file of its own). The front
 * desk's changes to the hours of a day are events, not configuration: see
 * {@link WorkingHours}.
 *
 * @param name the group's name as patients see it
 * @param phone the front desk's number, for messages and pages
 * @param locations locations by id
 * @param services services by id
 * @param practitioners practitioners by id, in the order "any practitioner" tries them
 * @param rules how far ahead and how soon bookings may be made
 */
@Validated
@ConfigurationProperties("clinic")
public record ClinicProperties(@NotBlank String name, @NotBlank String phone,
		@NotEmpty Map<String, @Valid Location> locations, @NotEmpty Map<String, @Valid Service> services,
		@NotEmpty Map<String, @Valid Practitioner> practitioners, @Valid @NotNull BookingRules rules) {

	public ClinicProperties {
		new ClinicConsistency(locations, services, practitioners).check();
	}

	/**
	 * The front desk's number as people read it ({@code +1 289-234-8001}); {@link #phone}
	 * itself goes into {@code tel:} links.
	 */
	public String phoneForReading() {
		PhoneNumberUtil util = PhoneNumberUtil.getInstance();
		try {
			return util.format(util.parse(this.phone, "CA"), PhoneNumberFormat.INTERNATIONAL);
		}
		catch (NumberParseException ex) {
			return this.phone;
		}
	}

	/** The service's name as patients see it, or its id if the catalogue has none. */
	public String serviceName(String id) {
		return serviceName(id, Locale.ROOT);
	}

	/**
	 * The service's name as a patient reading {@code locale}'s language sees it, or its
	 * id if the catalogue has none.
	 */
	public String serviceName(String id, Locale locale) {
		Service service = (id != null) ? this.services.get(id) : null;
		return (service != null) ? service.nameIn(locale) : id;
	}

	/** The practitioner's full name, or their id if the catalogue has none. */
	public String practitionerName(String id) {
		Practitioner practitioner = (id != null) ? this.practitioners.get(id) : null;
		return (practitioner != null) ? practitioner.name() : id;
	}

	/**
	 * Until how long before its start an appointment for {@code service} may be changed
	 * online: the service's own notice, else the clinic's.
	 */
	public Duration changeNotice(String service) {
		Service known = this.services.get(service);
		return (known != null && known.changeNotice() != null) ? known.changeNotice() : this.rules.changeNotice();
	}

	/**
	 * The practitioners who may give {@code service} at {@code location}, in configured
	 * order.
	 */
	public List<String> qualifiedAt(String location, String service) {
		Service offered = this.services.get(service);
		return this.practitioners.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().schedule().containsKey(location) && entry.getValue().gives(offered))
			.map(Map.Entry::getKey)
			.toList();
	}

	/**
	 * @param name as patients see it
	 * @param zone the IANA time zone the location's clocks show
	 * @param address street address
	 * @param shortName a word or two, for text messages and narrow lists; the name if
	 * none is set
	 */
	public record Location(@NotBlank String name, @NotNull ZoneId zone, @NotBlank String address, String shortName) {

		@ConstructorBinding
		public Location {
			shortName = (shortName == null || shortName.isBlank()) ? name : shortName;
		}

		public Location(String name, ZoneId zone, String address) {
			this(name, zone, address, null);
		}

	}

	/**
	 * @param name as patients see it
	 * @param disciplines who may give it: rmt, physiotherapy, chiropractic
	 * @param minutes how long it takes
	 * @param bufferMinutes the practitioner's time after it before the next appointment
	 * @param changeNotice until how long before its start patients may change it online,
	 * if not the clinic's usual notice
	 * @param names its name in other languages patients read, by language ({@code fr})
	 */
	public record Service(@NotBlank String name, @NotEmpty Set<String> disciplines, @Min(5) int minutes,
			@DefaultValue("0") @Min(0) int bufferMinutes, Duration changeNotice, Map<String, String> names) {

		@ConstructorBinding
		public Service {
			names = (names != null) ? Map.copyOf(names) : Map.of();
		}

		public Service(String name, Set<String> disciplines, int minutes, int bufferMinutes) {
			this(name, disciplines, minutes, bufferMinutes, null, null);
		}

		/**
		 * Its name as a patient reading {@code locale}'s language sees it: its
		 * translation, or its name when it has none.
		 */
		public String nameIn(Locale locale) {
			return this.names.getOrDefault(locale.getLanguage(), this.name);
		}

		public Duration duration() {
			return Duration.ofMinutes(this.minutes);
		}

		public Duration buffer() {
			return Duration.ofMinutes(this.bufferMinutes);
		}

	}

	/**
	 * @param name full name
	 * @param disciplines what they practise
	 * @param schedule weekly working hours per location, by day of the week; a day not
	 * listed is a day off
	 * @param daysOff dates they do not work (vacation, holidays)
	 */
	public record Practitioner(@NotBlank String name, @NotEmpty Set<String> disciplines,
			@NotEmpty Map<String, Map<DayOfWeek, @Valid Shift>> schedule, List<LocalDate> daysOff) {

		public Practitioner {
			daysOff = (daysOff != null) ? List.copyOf(daysOff) : List.of();
		}

		public boolean gives(Service service) {
			return service != null && service.disciplines().stream().anyMatch(this.disciplines::contains);
		}

		/**
		 * Their working hours at {@code location} on {@code date}, if they work there
		 * then.
		 */
		public Optional<Shift> shift(String location, LocalDate date) {
			Map<DayOfWeek, Shift> week = this.schedule.get(location);
			return (week == null || this.daysOff.contains(date)) ? Optional.empty()
					: Optional.ofNullable(week.get(date.getDayOfWeek()));
		}

		public String firstName() {
			return this.name.strip().split("\\s+")[0];
		}

	}

	/**
	 * Working hours on one day, in the location's local time.
	 *
	 * @param start first minute of work
	 * @param end when the last appointment must be over
	 */
	public record Shift(@NotNull LocalTime start, @NotNull LocalTime end) {

		public Shift {
			if (start != null && end != null && !start.isBefore(end)) {
				throw new IllegalArgumentException("a shift must start before it ends: " + start + "-" + end);
			}
		}

	}

	/**
	 * @param minimumLeadTime how soon before its start an appointment may still be booked
	 * @param maximumAdvance how far ahead an appointment may be booked
	 * @param slotStep the grid open slots are offered on
	 * @param alternatives how many open slots a declined patient is offered
	 * @param changeNotice until how long before its start a patient may cancel or move an
	 * appointment online; later, they call, and a cancellation is marked late
	 */
	public record BookingRules(@DefaultValue("2h") @NotNull Duration minimumLeadTime,
			@DefaultValue("90d") @NotNull Duration maximumAdvance, @DefaultValue("15m") @NotNull Duration slotStep,
			@DefaultValue("3") @Min(1) int alternatives, @DefaultValue("24h") @NotNull Duration changeNotice) {

		@ConstructorBinding
		public BookingRules {
		}

		public BookingRules(Duration minimumLeadTime, Duration maximumAdvance, Duration slotStep, int alternatives) {
			this(minimumLeadTime, maximumAdvance, slotStep, alternatives, Duration.ofHours(24));
		}

	}

}
