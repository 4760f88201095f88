package com.geminihealth.dashboard.security;

/** What a signed-in user may do, as named in {@code dashboard.security.users[].roles}. */
public final class Roles {

	/** Everything the front desk does: the views, bookings, marks, replays. */
	public static final String FRONT_DESK = "FRONT_DESK";

	/**
	 * Erasing a patient's personal data: for the clinic's privacy or operations lead, not
	 * the front desk, as it cannot be undone.
	 */
	public static final String OPERATIONS = "OPERATIONS";

	private Roles() {
	}

}
