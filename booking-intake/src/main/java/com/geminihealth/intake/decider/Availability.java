package com.geminihealth.intake.decider;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.platform.clinic.WorkingHours;
import com.geminihealth.schemas.appointment.DeclineReason;
import com.geminihealth.schemas.appointment.Slot;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.schedule.ScheduleChanged;

/**
 * The booking rules over one calendar: whether a slot can be given, and which open slots
 * there are. The decider and the availability query both ask this, so what a patient is
 * offered is what the decider would confirm. A practitioner's hours are the catalogue's
 * weekly ones with the front desk's {@link ScheduleChanges} of the day applied
 * ({@link WorkingHours}): nothing is given inside time off or a break, and a changed
 * day's hours replace the weekly ones.
 */
class Availability {

	/** How many days either side of a requested day to look for alternatives. */
	private static final int SEARCH_DAYS = 14;

	private final ClinicProperties clinic;

	private final Calendar calendar;

	private final ScheduleChanges changes;

	/**
	 * Who may give a service at a location, by "location/service": asked on every search.
	 */
	private final Map<String, List<String>> qualified = new ConcurrentHashMap<>();

	Availability(ClinicProperties clinic, Calendar calendar, ScheduleChanges changes) {
		this.clinic = clinic;
		this.calendar = calendar;
		this.changes = changes;
	}

	/**
	 * Decides a request for {@code requested}: the first qualified practitioner who works
	 * then and is free for the whole service plus its buffer, or the reason there is
	 * none. A time the location's clocks never show is refused, never moved to one they
	 * do. {@code practitioner} is null for anyone qualified; {@code moving} is an
	 * appointment whose own time does not count as taken (a reschedule).
	 */
	Verdict decide(String location, String serviceId, String practitioner, LocalStart requested, Instant now,
			String moving) {
		ClinicProperties.Service service = this.clinic.services().get(serviceId);
		if (service == null) {
			return Verdict.refuse(DeclineReason.UNKNOWN_SERVICE);
		}
		List<String> candidates = candidates(location, serviceId, practitioner);
		if (candidates.isEmpty()) {
			return Verdict.refuse(DeclineReason.UNKNOWN_PRACTITIONER);
		}
		Optional<ZonedDateTime> shown = requested.in(zone(location));
		if (shown.isEmpty()) {
			return Verdict.refuse(DeclineReason.NONEXISTENT_LOCAL_TIME);
		}
		ZonedDateTime start = shown.get();
		Instant begins = start.toInstant();
		if (begins.isBefore(now.plus(this.clinic.rules().minimumLeadTime()))) {
			return Verdict.refuse(DeclineReason.TOO_SOON);
		}
		if (begins.isAfter(now.plus(this.clinic.rules().maximumAdvance()))) {
			return Verdict.refuse(DeclineReason.TOO_FAR_AHEAD);
		}
		boolean anyoneWorking = false;
		for (String candidate : candidates) {
			if (withinHours(location, candidate, service, start)) {
				anyoneWorking = true;
				if (free(location, candidate, service, begins, moving)) {
					return Verdict.give(candidate, begins);
				}
			}
		}
		return Verdict.refuse(anyoneWorking ? DeclineReason.SLOT_TAKEN : DeclineReason.OUTSIDE_HOURS);
	}

	/**
	 * Up to {@code count} open slots nearest to {@code requested}, nearest first; around
	 * a time the clocks skip, nearest to the moment they jump.
	 */
	List<Slot> nearest(String location, String serviceId, String practitioner, LocalStart requested, Instant now,
			int count, String moving) {
		ZoneId zone = zone(location);
		if (zone == null || !this.clinic.services().containsKey(serviceId)) {
			return List.of();
		}
		long target = requested.searchedAround(zone).getEpochSecond();
		Comparator<Slot> nearestFirst = Comparator.comparingLong((Slot slot) -> secondsApart(slot, target))
			.thenComparing(Slot::start);
		List<Slot> found = new ArrayList<>();
		LocalDate day = requested.local().toLocalDate();
		for (int distance = 0; distance <= SEARCH_DAYS; distance++) {
			LocalDate later = day.plusDays(distance);
			LocalDate earlier = day.minusDays(distance);
			if (found.size() >= count) {
				found.sort(nearestFirst);
				// No slot on the next days out can be nearer than their day boundaries.
				long laterAtLeast = later.atStartOfDay(zone).toEpochSecond() - target;
				long earlierAtLeast = target - earlier.plusDays(1).atStartOfDay(zone).toEpochSecond();
				if (secondsApart(found.get(count - 1), target) < Math.min(laterAtLeast, earlierAtLeast)) {
					break;
				}
			}
			found.addAll(openOn(location, serviceId, practitioner, later, now, moving));
			if (distance > 0) {
				found.addAll(openOn(location, serviceId, practitioner, earlier, now, moving));
			}
		}
		found.sort(nearestFirst);
		return List.copyOf(found.subList(0, Math.min(count, found.size())));
	}

	/** Every open slot from {@code from} to {@code to} inclusive, in time order. */
	List<Slot> open(String location, String serviceId, String practitioner, LocalDate from, LocalDate to, Instant now) {
		List<Slot> slots = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			slots.addAll(openOn(location, serviceId, practitioner, day, now, null));
		}
		slots.sort(Comparator.comparing(Slot::start));
		return slots;
	}

	private List<Slot> openOn(String location, String serviceId, String practitioner, LocalDate day, Instant now,
			String moving) {
		ClinicProperties.Service service = this.clinic.services().get(serviceId);
		ZoneId zone = zone(location);
		// In epoch milliseconds: the loop below runs for every slot of every candidate's
		// day.
		long earliest = now.plus(this.clinic.rules().minimumLeadTime()).toEpochMilli();
		long latest = now.plus(this.clinic.rules().maximumAdvance()).toEpochMilli();
		long duration = service.duration().toMillis();
		long occupancy = duration + service.buffer().toMillis();
		long step = this.clinic.rules().slotStep().toMillis();
		List<Slot> slots = new ArrayList<>();
		// Most practitioners keep the same hours: each time of day is placed in the zone
		// once.
		Map<LocalTime, Instant> instants = new HashMap<>();
		Function<LocalTime, Instant> onTheDay = (time) -> WallClock.firstReaching(day.atTime(time), zone);
		for (String candidate : candidates(location, serviceId, practitioner)) {
			ClinicProperties.Practitioner who = this.clinic.practitioners().get(candidate);
			for (ClinicProperties.Shift shift : hours(candidate, location, day)) {
				Instant shiftStart = instants.computeIfAbsent(shift.start(), onTheDay);
				Instant shiftEnd = instants.computeIfAbsent(shift.end(), onTheDay);
				List<Booked> booked = this.calendar.booked(location, candidate, shiftStart,
						shiftEnd.plus(service.buffer()));
				// One pass over the slots and the booked times together, both in time
				// order: a slot is taken while any time booked to start before the slot's
				// occupancy ends is still occupied when the slot starts.
				int next = 0;
				long occupiedSoFar = Long.MIN_VALUE;
				for (long start = shiftStart.toEpochMilli(); start + duration <= shiftEnd
					.toEpochMilli(); start += step) {
					for (; next < booked.size()
							&& booked.get(next).start().toEpochMilli() < start + occupancy; next++) {
						Booked taken = booked.get(next);
						if (!taken.appointmentId().equals(moving)) {
							occupiedSoFar = Math.max(occupiedSoFar, taken.occupiedUntil().toEpochMilli());
						}
					}
					if (start >= earliest && start <= latest && occupiedSoFar <= start) {
						slots.add(new Slot(Instant.ofEpochMilli(start), Instant.ofEpochMilli(start + duration),
								new PractitionerId(candidate), who.name()));
					}
				}
			}
		}
		return slots;
	}

	/**
	 * Whether the practitioner works for the whole service from {@code start}, judged in
	 * instants with the shift's edges placed as the open slots place them, so that on the
	 * nights the clocks change a request is judged as the slot offered for it was.
	 */
	private boolean withinHours(String location, String practitioner, ClinicProperties.Service service,
			ZonedDateTime start) {
		LocalDate day = start.toLocalDate();
		Instant begins = start.toInstant();
		Instant ends = begins.plus(service.duration());
		return hours(practitioner, location, day).stream()
			.anyMatch((shift) -> !begins.isBefore(WallClock.firstReaching(day.atTime(shift.start()), start.getZone()))
					&& !ends.isAfter(WallClock.firstReaching(day.atTime(shift.end()), start.getZone())));
	}

	/**
	 * The practitioner's working stretches at {@code location} on {@code day}: the weekly
	 * hours when the front desk changed nothing that day, as on most days.
	 */
	private List<ClinicProperties.Shift> hours(String practitioner, String location, LocalDate day) {
		ClinicProperties.Practitioner who = this.clinic.practitioners().get(practitioner);
		List<ScheduleChanged> changed = this.changes.of(practitioner, day);
		if (changed.isEmpty()) {
			return who.shift(location, day).map(List::of).orElse(List.of());
		}
		return WorkingHours.of(who, practitioner, location, day, changed);
	}

	private boolean free(String location, String practitioner, ClinicProperties.Service service, Instant start,
			String moving) {
		Instant occupiedUntil = start.plus(service.duration()).plus(service.buffer());
		for (Booked taken : this.calendar.booked(location, practitioner, start, occupiedUntil)) {
			if (!taken.appointmentId().equals(moving)) {
				return false;
			}
		}
		return true;
	}

	private List<String> candidates(String location, String service, String practitioner) {
		List<String> qualified = this.qualified.computeIfAbsent(location + "/" + service,
				(ignored) -> qualified(location, service));
		if (practitioner == null) {
			return qualified;
		}
		return qualified.contains(practitioner) ? List.of(practitioner) : List.of();
	}

	/**
	 * Who may give {@code service} at {@code location}: first those whose weekly hours
	 * are there, in catalogue order, then anyone else who gives it, whom only a changed
	 * day can bring there.
	 */
	private List<String> qualified(String location, String service) {
		if (!this.clinic.locations().containsKey(location)) {
			return List.of();
		}
		List<String> qualified = new ArrayList<>(this.clinic.qualifiedAt(location, service));
		ClinicProperties.Service offered = this.clinic.services().get(service);
		this.clinic.practitioners().forEach((id, practitioner) -> {
			if (!qualified.contains(id) && practitioner.gives(offered)) {
				qualified.add(id);
			}
		});
		return List.copyOf(qualified);
	}

	private ZoneId zone(String location) {
		ClinicProperties.Location where = this.clinic.locations().get(location);
		return (where != null) ? where.zone() : null;
	}

	// Plain seconds: Duration.abs() goes through BigDecimal, and this runs for every slot
	// compared while looking for alternatives.
	private static long secondsApart(Slot slot, long target) {
		return Math.abs(slot.start().getEpochSecond() - target);
	}

}
