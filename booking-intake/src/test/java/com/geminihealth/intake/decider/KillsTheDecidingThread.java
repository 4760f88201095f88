package com.geminihealth.intake.decider;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.ProcessorWrapper;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.WrappedFixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.WrappedProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Kills the stream thread running the decider's "decide" processor once, when armed, with
 * a failure a broker could cause (a timeout), just before the processor decides the
 * record: the fault a deployment meets, injected into the real topology through Kafka
 * Streams' processor wrapper setting.
 */
public class KillsTheDecidingThread implements ProcessorWrapper {

	private static final AtomicBoolean armed = new AtomicBoolean();

	private static final AtomicInteger kills = new AtomicInteger();

	/** The next record the decider takes kills its thread. */
	static void armOnce() {
		armed.set(true);
	}

	/** How many threads it has killed. */
	static int kills() {
		return kills.get();
	}

	@Override
	public <KIn, VIn, KOut, VOut> WrappedProcessorSupplier<KIn, VIn, KOut, VOut> wrapProcessorSupplier(
			String processorName, ProcessorSupplier<KIn, VIn, KOut, VOut> supplier) {
		if (!"decide".equals(processorName)) {
			return ProcessorWrapper.asWrapped(supplier);
		}
		return new WrappedProcessorSupplier<>() {

			@Override
			public Processor<KIn, VIn, KOut, VOut> get() {
				return new Dying<>(supplier.get());
			}

			@Override
			public Set<StoreBuilder<?>> stores() {
				return supplier.stores();
			}

		};
	}

	@Override
	public <KIn, VIn, VOut> WrappedFixedKeyProcessorSupplier<KIn, VIn, VOut> wrapFixedKeyProcessorSupplier(
			String processorName, FixedKeyProcessorSupplier<KIn, VIn, VOut> supplier) {
		return ProcessorWrapper.asWrappedFixedKey(supplier);
	}

	private static final class Dying<KIn, VIn, KOut, VOut> implements Processor<KIn, VIn, KOut, VOut> {

		private final Processor<KIn, VIn, KOut, VOut> decider;

		Dying(Processor<KIn, VIn, KOut, VOut> decider) {
			this.decider = decider;
		}

		@Override
		public void init(ProcessorContext<KOut, VOut> context) {
			this.decider.init(context);
		}

		@Override
		public void process(Record<KIn, VIn> record) {
			if (armed.compareAndSet(true, false)) {
				kills.incrementAndGet();
				throw new TimeoutException("injected: the broker did not answer in time");
			}
			this.decider.process(record);
		}

		@Override
		public void close() {
			this.decider.close();
		}

	}

}
