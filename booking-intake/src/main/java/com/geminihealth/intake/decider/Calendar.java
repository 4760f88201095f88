package com.geminihealth.intake.decider;

import java.time.Instant;
import java.util.List;

/** The appointments a practitioner has at a location. */
interface Calendar {

	/** The booked times that overlap {@code [from, until)}, in order of start. */
	List<Booked> booked(String location, String practitioner, Instant from, Instant until);

}
