package com.geminihealth.schemas;

/**
 * The headers of a record waiting on {@link Topics#NOTIFICATIONS_RETRIES}: the record as
 * it first arrived, with these added. Times are epoch milliseconds.
 */
public final class RetryHeaders {

	/** The stream the record first arrived on, whose serdes read it. */
	public static final String SOURCE_TOPIC = "retry_source_topic";

	/** The listener that failed it and handles it again. */
	public static final String LISTENER = "retry_listener";

	/** How many attempts failed; absent before the first. */
	public static final String ATTEMPT = "retry_attempt";

	/** Not to be handled again before this moment. */
	public static final String NOT_BEFORE = "retry_not_before";

	/** When the message first failed: what the backlog's age counts from. */
	public static final String FIRST_FAILED = "retry_first_failed";

	/**
	 * After when the message is of no use; absent, the notifications service works it out
	 * from the event and {@link #FIRST_FAILED}.
	 */
	public static final String HORIZON = "retry_horizon";

	/** The id of the notification that failed. */
	public static final String NOTIFICATION = "retry_notification";

	/** Its channel, a {@code Channel} name. */
	public static final String CHANNEL = "retry_channel";

	/**
	 * Who on the front desk asked for the message to be sent again, when someone did.
	 */
	public static final String REQUESTED_BY = "retry_requested_by";

	private RetryHeaders() {
	}

}
