package com.geminihealth.schemas.intake;

import java.time.Instant;
import java.util.UUID;

import com.geminihealth.schemas.reminder.Channel;

/**
 * A request at a public door that will send a message to one phone number or email
 * address; the record's key is the digest of that destination. Every intake instance
 * counts the requests per destination, each once however often it is sent, so that the
 * public doors send one destination only so many messages a day, however many instances
 * there are.
 *
 * @param request the booking request's or the inquiry's id
 * @param channel how the message will reach the destination
 * @param at when the request was accepted
 */
public record DestinationUsed(UUID request, Channel channel, Instant at) {
}
