package com.geminihealth.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A year of a three-location clinic group, generated: who books which practitioner when,
 * and what follows (cancellations, reschedules, replies to texts, completions), in the
 * order the clinic would see it. Every booking asks for a slot that is free when it is
 * asked for, as patients choosing from the booking page's open slots do, so every one is
 * confirmed; a reschedule moves to another free slot.
 * <p>
 * The group's own six practitioners could not take 70,000 visits a year, so the benchmark
 * gives each location its own staff ({@link #clinicYaml()}): five RMTs, two
 * physiotherapists and a chiropractor, 08:00-20:00 every day, added to the catalogue by
 * configuration. Visits are 60-minute Swedish massages (75 minutes with the buffer),
 * 30-minute physiotherapy follow-ups (45) and 20-minute chiropractic visits (30), on the
 * clinic's 15-minute grid, from two days ahead to a year ahead: the booking rules'
 * {@code maximum-advance} is raised to 400 days for that.
 */
final class ClinicYear {

	static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	static final List<String> LOCATIONS = List.of("burlington", "oakville", "hamilton");

	private static final int OPEN_MINUTES = 12 * 60;

	final LocalDate firstDay;

	final int days;

	final List<Practitioner> practitioners = new ArrayList<>();

	/** The year, in order. */
	final List<Step> steps = new ArrayList<>();

	/** Bookings made at a steady rate after the year, over HTTP. */
	final List<Book> steady = new ArrayList<>();

	private final BitSet taken = new BitSet();

	private final Random random;

	private ClinicYear(long seed, LocalDate today) {
		this.random = new Random(seed);
		this.firstDay = today.plusDays(2);
		this.days = 365;
		for (String location : LOCATIONS) {
			for (Discipline discipline : Discipline.values()) {
				for (int i = 1; i <= discipline.perLocation; i++) {
					this.practitioners.add(new Practitioner(this.practitioners.size(),
							"bench-" + location + "-" + discipline.name().toLowerCase(Locale.ROOT) + "-" + i, location,
							discipline));
				}
			}
		}
	}

	/**
	 * {@code bookings} bookings over the year, a share {@code httpShare} of them through
	 * the HTTP API and the rest from the practice-management system over Kafka; then
	 * {@code steadyBookings} more, all over HTTP. Patients are numbered in booking order,
	 * from 0.
	 */
	static ClinicYear generate(int bookings, double httpShare, int steadyBookings, long seed) {
		ClinicYear year = new ClinicYear(seed, LocalDate.now(TORONTO));
		year.plan(bookings, httpShare);
		for (int i = 0; i < steadyBookings; i++) {
			year.steady.add(new Book(bookings + i, year.freeSlot(), true));
		}
		return year;
	}

	/**
	 * Each booking, then perhaps (about as often as clinics see them): a cancellation (12
	 * %) or a reschedule (7 %) of a recent integration booking still standing, a "C"
	 * reply to a text (30 %), STOP (0.3 %), and the completion of a visit booked 1,500
	 * bookings earlier (65 %).
	 */
	private void plan(int bookings, double httpShare) {
		List<Book> standing = new ArrayList<>();
		boolean[] changed = new boolean[bookings];
		List<Book> all = new ArrayList<>();
		for (int seq = 0; seq < bookings; seq++) {
			Book book = new Book(seq, freeSlot(), this.random.nextDouble() < httpShare);
			all.add(book);
			this.steps.add(book);
			if (!book.http()) {
				standing.add(book);
			}
			double roll = this.random.nextDouble();
			if (standing.size() > 10 && roll < 0.19) {
				int from = Math.max(0, standing.size() - 500);
				int index = from + this.random.nextInt(standing.size() - from);
				Book target = standing.get(index);
				if (!changed[target.seq()]) {
					changed[target.seq()] = true;
					this.steps.add((roll < 0.12) ? new Cancel(target)
							: new Reschedule(target, freeSlot(target.slot().practitioner())));
				}
			}
			roll = this.random.nextDouble();
			if (roll < 0.30) {
				this.steps.add(new Reply(book, false));
			}
			else if (roll < 0.303) {
				this.steps.add(new Reply(book, true));
			}
			if (seq >= 1500 && this.random.nextDouble() < 0.65) {
				Book earlier = all.get(seq - 1500);
				if (!earlier.http() && !changed[earlier.seq()]) {
					changed[earlier.seq()] = true;
					this.steps.add(new Complete(earlier));
				}
			}
		}
	}

	/** A free slot of a random practitioner on a random day; taken from then on. */
	private Slot freeSlot() {
		return freeSlot(null);
	}

	/**
	 * A free slot on a random day, of a practitioner of the same location and discipline
	 * as {@code like} (a reschedule keeps both), or of anyone for null.
	 */
	private Slot freeSlot(Practitioner like) {
		for (int attempt = 0; attempt < 10_000; attempt++) {
			Practitioner practitioner = pick(like);
			int day = this.random.nextInt(this.days);
			int slot = this.random.nextInt(practitioner.discipline().slotsPerDay());
			int index = (practitioner.index() * this.days + day) * 32 + slot;
			if (!this.taken.get(index)) {
				this.taken.set(index);
				LocalDateTime start = this.firstDay.plusDays(day)
					.atTime(8, 0)
					.plusMinutes((long) slot * practitioner.discipline().gridMinutes);
				return new Slot(practitioner, start);
			}
		}
		throw new IllegalStateException("the clinic's year is full");
	}

	/** RMTs take 60 % of visits, physiotherapists 25 %, chiropractors 15 %. */
	private Practitioner pick(Practitioner like) {
		String location = (like != null) ? like.location() : LOCATIONS.get(this.random.nextInt(LOCATIONS.size()));
		double roll = this.random.nextDouble();
		Discipline discipline = (like != null) ? like.discipline()
				: (roll < 0.60) ? Discipline.RMT : (roll < 0.85) ? Discipline.PHYSIO : Discipline.CHIRO;
		List<Practitioner> candidates = this.practitioners.stream()
			.filter((p) -> p.location().equals(location) && p.discipline() == discipline)
			.toList();
		return candidates.get(this.random.nextInt(candidates.size()));
	}

	/**
	 * The benchmark's staff and booking horizon, as configuration every service reads
	 * (the intake's decider uses it; the others ignore what they do not know).
	 */
	String clinicYaml() {
		StringBuilder yaml = new StringBuilder("clinic:\n  rules:\n    maximum-advance: 400d\n  practitioners:\n");
		for (Practitioner practitioner : this.practitioners) {
			yaml.append("    ").append(practitioner.id()).append(":\n");
			yaml.append("      name: ")
				.append(practitioner.discipline().title)
				.append(' ')
				.append(practitioner.index() + 1)
				.append('\n');
			yaml.append("      disciplines: [").append(practitioner.discipline().discipline).append("]\n");
			yaml.append("      schedule:\n        ").append(practitioner.location()).append(":\n");
			for (DayOfWeek day : DayOfWeek.values()) {
				yaml.append("          ")
					.append(day.name().toLowerCase(Locale.ROOT))
					.append(": { start: \"08:00\", end: \"20:00\" }\n");
			}
		}
		return yaml.toString();
	}

	Path writeClinicYaml(Path dir) throws IOException {
		return Files.writeString(dir.resolve("bench-clinic.yml"), clinicYaml());
	}

	long count(Class<? extends Step> kind) {
		return this.steps.stream().filter(kind::isInstance).count();
	}

	/** The kinds of visit, their share of a location's staff and their grid. */
	enum Discipline {

		RMT("rmt", "rmt-swedish-60", 60, 75, 5, "Rmt"),
		PHYSIO("physiotherapy", "physio-follow-up", 30, 45, 2, "Physio"),
		CHIRO("chiropractic", "chiro-visit", 20, 30, 1, "Chiro");

		final String discipline;

		final String service;

		final int minutes;

		final int gridMinutes;

		final int perLocation;

		final String title;

		Discipline(String discipline, String service, int minutes, int gridMinutes, int perLocation, String title) {
			this.discipline = discipline;
			this.service = service;
			this.minutes = minutes;
			this.gridMinutes = gridMinutes;
			this.perLocation = perLocation;
			this.title = title;
		}

		int slotsPerDay() {
			return (OPEN_MINUTES - this.minutes) / this.gridMinutes + 1;
		}

	}

	record Practitioner(int index, String id, String location, Discipline discipline) {
	}

	record Slot(Practitioner practitioner, LocalDateTime start) {
	}

	/** Something that happens in the clinic's year. */
	sealed interface Step permits Book, Cancel, Reschedule, Reply, Complete {

	}

	/** A booking by patient {@code seq}, over HTTP or from the practice system. */
	record Book(int seq, Slot slot, boolean http) implements Step {
	}

	record Cancel(Book booking) implements Step {
	}

	record Reschedule(Book booking, Slot to) implements Step {
	}

	/** A reply to a text: "C" (confirming attendance) or STOP. */
	record Reply(Book booking, boolean stop) implements Step {
	}

	record Complete(Book booking) implements Step {
	}

}
