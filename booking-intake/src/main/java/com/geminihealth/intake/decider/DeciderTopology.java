package com.geminihealth.intake.decider;

import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.appointment.AppointmentState;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.BookingCommand;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.privacy.ErasureRequested;
import com.geminihealth.schemas.waitlist.WaitlistEntryId;
import com.geminihealth.schemas.waitlist.WaitlistEvent;

/**
 * The appointment decider's topology, built by this one function for production and for
 * {@code TopologyTestDriver} alike.
 */
public final class DeciderTopology {

	private DeciderTopology() {
	}

	/**
	 * Adds the decider to {@code builder}; returns the decisions, rejections of broken
	 * commands included. Its stores are the read side too: status and availability
	 * queries read them.
	 */
	public static KStream<AppointmentId, AppointmentEvent> build(StreamsBuilder builder, ClinicProperties clinic,
			DeciderProperties decider, int partitions) {
		DeciderStores.builders().forEach(builder::addStateStore);
		builder.addGlobalStore(DeciderStores.scheduleBuilder(), Topics.SCHEDULE_CHANGES.name(),
				Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("schedule-changes"),
				ScheduleChangeProcessor::new);
		Checked checked = check(builder, decider.retention());
		KStream<Object, Object> outcomes = checked.commands()
			.process(() -> new DeciderProcessor(clinic, decider), Named.as("decide"), DeciderStores.REQUESTS,
					DeciderStores.CALENDAR, DeciderStores.HANDLED, DeciderStores.EXPIRY, DeciderStores.WAITLIST);
		outcomes.filter((key, event) -> event instanceof WaitlistEvent, Named.as("waitlist-events"))
			.map((key, event) -> KeyValue.pair((WaitlistEntryId) key, (WaitlistEvent) event),
					Named.as("typed-waitlist-event"))
			.to(Topics.WAITLIST.name(),
					Produced.with(Topics.WAITLIST.keySerde(), Topics.WAITLIST.valueSerde()).withName("waitlist"));
		KStream<AppointmentId, AppointmentEvent> decisions = outcomes
			.filter((key, event) -> event instanceof AppointmentEvent, Named.as("appointment-events"))
			.map((key, event) -> KeyValue.pair((AppointmentId) key, (AppointmentEvent) event),
					Named.as("typed-decision"))
			.merge(checked.rejections(), Named.as("decisions"));
		decisions.to(Topics.APPOINTMENTS.name(),
				Produced.with(Topics.APPOINTMENTS.keySerde(), Topics.APPOINTMENTS.valueSerde())
					.withName("appointments"));
		// Written by the same task as the decision, so in the same transaction: a state
		// never runs ahead of or behind its event.
		decisions.processValues(AppointmentStateProcessor::new, Named.as("appointment-state"))
			.merge(erase(builder, decider.retention(), partitions), Named.as("appointment-states-and-erasures"))
			.to(Topics.APPOINTMENT_STATES.name(),
					Produced.with(Topics.APPOINTMENT_STATES.keySerde(), Topics.APPOINTMENT_STATES.valueSerde())
						.withName("appointment-states"));
		return decisions;
	}

	/**
	 * Erases patients on request. An erasure arrives on one partition, but the decider's
	 * state is split by location over every task: it is copied to every partition of a
	 * repartition topic read by the decider's own tasks, so each task erases what it
	 * holds, whichever locations it has and whatever locations the configuration names
	 * now. That topic needs as many partitions as the booking commands, set here: the
	 * erasures topic may have fewer. Its records are deleted once processed.
	 */
	static KStream<AppointmentId, AppointmentState> erase(StreamsBuilder builder, DeciderProperties.Retention retention,
			int partitions) {
		return builder
			.stream(Topics.ERASURES.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("erasures"))
			.processValues(ErasureCheck::new, Named.as("check-erasure"))
			.repartition(Repartitioned.<byte[], ErasureRequested>as("decider-erasures")
				.withKeySerde(Serdes.ByteArray())
				.withValueSerde(Topics.ERASURES.valueSerde())
				.withNumberOfPartitions(partitions)
				.withStreamPartitioner(new EveryPartition<>()))
			.process(() -> new ErasureProcessor(retention), Named.as("erase"), DeciderStores.REQUESTS,
					DeciderStores.EXPIRY, DeciderStores.WAITLIST);
	}

	/**
	 * Checks the booking commands against the contract. They arrive as bytes so that a
	 * record breaking it is dead-lettered with its reason instead of stopping the stream,
	 * and answered with a rejection when its sender can be named. Needs the
	 * {@link DeciderStores}.
	 */
	static Checked check(StreamsBuilder builder, DeciderProperties.Retention retention) {
		Map<String, KStream<byte[], CheckedCommand>> checked = builder
			.stream(Topics.BOOKING_COMMANDS.name(),
					Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("booking-commands"))
			.processValues(ContractCheck::new, Named.as("check-contract"))
			.split(Named.as("contract-"))
			.branch((key, command) -> command.valid(), Branched.as("kept"))
			.defaultBranch(Branched.as("broken"));

		KStream<byte[], CheckedCommand> broken = checked.get("contract-broken");
		broken.mapValues(CheckedCommand::original, Named.as("original-bytes"))
			.to(Topics.BOOKING_COMMANDS_DEAD_LETTERS.name(),
					Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("booking-commands-dead-letters"));

		return new Checked(checked.get("contract-kept")
			.map((key, command) -> KeyValue.pair(command.location(), command.command()), Named.as("typed-command")),
				broken.process(() -> new RejectionProcessor(retention), Named.as("reject-broken-command"),
						DeciderStores.REQUESTS, DeciderStores.EXPIRY));
	}

	/**
	 * The booking commands after the contract check: those that keep it, to decide, and
	 * the rejections of those that broke it.
	 */
	record Checked(KStream<LocationId, BookingCommand> commands, KStream<AppointmentId, AppointmentEvent> rejections) {

	}

}
