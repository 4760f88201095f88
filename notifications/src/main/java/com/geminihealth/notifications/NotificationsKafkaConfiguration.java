package com.geminihealth.notifications;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

import com.geminihealth.notifications.delivery.LedgerCatchUp;
import com.geminihealth.notifications.delivery.NotificationDeadLetters;
import com.geminihealth.notifications.delivery.NotificationDelivery;
import com.geminihealth.notifications.delivery.NotificationRetries;
import com.geminihealth.notifications.delivery.RecordsInHand;
import com.geminihealth.schemas.Topic;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.inquiry.ContactInquiryReceived;
import com.geminihealth.schemas.inquiry.InquiryId;
import com.geminihealth.schemas.notification.DeliveryReport;
import com.geminihealth.schemas.notification.NotificationId;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.plan.TreatmentPlan;
import com.geminihealth.schemas.reminder.DueNotice;
import com.geminihealth.schemas.waitlist.WaitlistEntryId;
import com.geminihealth.schemas.waitlist.WaitlistEvent;

/**
 * Listeners read the catalogue's topics with its serdes, behind an
 * {@link ErrorHandlingDeserializer} so that an unreadable record cannot stop them, with
 * one consumer per partition ({@code spring.kafka.listener.concurrency}); passing
 * failures go to the retry stream, the rest to the dead-letter stream. Each listener
 * catches up on the ledger before handling partitions it has just been given, and keeps
 * the record in hand where a claim to send can fence with it.
 */
@Configuration(proxyBeanMethods = false)
public class NotificationsKafkaConfiguration {

	public static final String APPOINTMENTS_FACTORY = "appointmentsListenerFactory";

	public static final String INQUIRIES_FACTORY = "inquiriesListenerFactory";

	public static final String DUE_NOTICES_FACTORY = "dueNoticesListenerFactory";

	public static final String TREATMENT_PLANS_FACTORY = "treatmentPlansListenerFactory";

	public static final String WAITLIST_FACTORY = "waitlistListenerFactory";

	public static final String DELIVERY_REPORTS_FACTORY = "deliveryReportsListenerFactory";

	public static final String RETRIES_FACTORY = "retriesListenerFactory";

	private static final Duration RETRIES_POLL_TIMEOUT = Duration.ofMillis(200);

	private final KafkaProperties kafka;

	private final LedgerCatchUp ledgerCatchUp;

	private final RecordsInHand recordsInHand;

	NotificationsKafkaConfiguration(KafkaProperties kafka, LedgerCatchUp ledgerCatchUp, RecordsInHand recordsInHand) {
		this.kafka = kafka;
		this.ledgerCatchUp = ledgerCatchUp;
		this.recordsInHand = recordsInHand;
	}

	@Bean(APPOINTMENTS_FACTORY)
	ConcurrentKafkaListenerContainerFactory<AppointmentId, AppointmentEvent> appointmentsListenerFactory(
			ConsumerFactory<?, ?> bootConsumerFactory, DefaultErrorHandler retries) {
		return listenerFactory(Topics.APPOINTMENTS, bootConsumerFactory, retries);
	}

	@Bean(INQUIRIES_FACTORY)
	ConcurrentKafkaListenerContainerFactory<InquiryId, ContactInquiryReceived> inquiriesListenerFactory(
			ConsumerFactory<?, ?> bootConsumerFactory, DefaultErrorHandler retries) {
		return listenerFactory(Topics.CONTACT_INQUIRIES, bootConsumerFactory, retries);
	}

	@Bean(DUE_NOTICES_FACTORY)
	ConcurrentKafkaListenerContainerFactory<AppointmentId, DueNotice> dueNoticesListenerFactory(
			ConsumerFactory<?, ?> bootConsumerFactory, DefaultErrorHandler retries) {
		return listenerFactory(Topics.DUE_NOTICES, bootConsumerFactory, retries);
	}

	@Bean(TREATMENT_PLANS_FACTORY)
	ConcurrentKafkaListenerContainerFactory<PatientContact, TreatmentPlan> treatmentPlansListenerFactory(
			ConsumerFactory<?, ?> bootConsumerFactory, DefaultErrorHandler retries) {
		return listenerFactory(Topics.TREATMENT_PLANS, bootConsumerFactory, retries);
	}

	@Bean(WAITLIST_FACTORY)
	ConcurrentKafkaListenerContainerFactory<WaitlistEntryId, WaitlistEvent> waitlistListenerFactory(
			ConsumerFactory<?, ?> bootConsumerFactory, DefaultErrorHandler retries) {
		return listenerFactory(Topics.WAITLIST, bootConsumerFactory, retries);
	}

	@Bean(DELIVERY_REPORTS_FACTORY)
	ConcurrentKafkaListenerContainerFactory<NotificationId, DeliveryReport> deliveryReportsListenerFactory(
			ConsumerFactory<?, ?> bootConsumerFactory, DefaultErrorHandler retries) {
		return listenerFactory(Topics.DELIVERY_REPORTS, bootConsumerFactory, retries);
	}

	@Bean(RETRIES_FACTORY)
	ConcurrentKafkaListenerContainerFactory<byte[], byte[]> retriesListenerFactory(
			ConsumerFactory<?, ?> bootConsumerFactory, ObjectProvider<NotificationRetries> retries,
			ObjectProvider<NotificationDeadLetters> deadLetters) {
		ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory = listenerFactory(Topics.NOTIFICATIONS_RETRIES,
				bootConsumerFactory, retriesOfRetries(retries, deadLetters));
		// A partition waiting for its next retry is paused, and a poll of paused
		// partitions waits its whole timeout: short, so that a partition resumed is read
		// again within that long, not five seconds later.
		factory.getContainerProperties().setPollTimeout(RETRIES_POLL_TIMEOUT.toMillis());
		return factory;
	}

	/**
	 * Nothing is retried in place, which would hold up the whole partition: a passing
	 * failure goes to the retry stream, anything else (a record that cannot be read) to
	 * the dead-letter stream with the reason. The records fetched behind a failed one are
	 * handled next without fetching them again: seeking back to them would wait out the
	 * fetch in flight, about one record per fetch wait while a provider is down.
	 */
	@Bean
	DefaultErrorHandler retries(ObjectProvider<NotificationRetries> retries,
			ObjectProvider<NotificationDeadLetters> deadLetters) {
		DefaultErrorHandler handler = errorHandler(retries, deadLetters);
		handler.setSeekAfterError(false);
		return handler;
	}

	/**
	 * As {@link #retries}, for the retry stream itself: a retry read before it is due is
	 * sought back to, without waiting, as often as it takes, its partition paused until
	 * then.
	 */
	private static DefaultErrorHandler retriesOfRetries(ObjectProvider<NotificationRetries> retries,
			ObjectProvider<NotificationDeadLetters> deadLetters) {
		DefaultErrorHandler handler = errorHandler(retries, deadLetters);
		handler.setBackOffFunction(
				(record, failure) -> NotificationRetries.notDueYet(failure) ? null : new FixedBackOff(0, 0));
		return handler;
	}

	private static DefaultErrorHandler errorHandler(ObjectProvider<NotificationRetries> retries,
			ObjectProvider<NotificationDeadLetters> deadLetters) {
		DefaultErrorHandler handler = new DefaultErrorHandler(
				(record, failure) -> NotificationDelivery.transientCause(failure)
					.ifPresentOrElse((cause) -> retries.getObject().retryLater(record, cause),
							() -> deadLetters.getObject().publish(record, failure)),
				// Unlimited here, or the handler never asks a back-off function: anything
				// but a retry not due yet is recovered at once.
				new FixedBackOff(0, FixedBackOff.UNLIMITED_ATTEMPTS));
		handler.setBackOffFunction((record, failure) -> new FixedBackOff(0, 0));
		// Every failure is recorded by the recoverer (an outcome, a dead letter, a log
		// line); a retry not due yet is no failure at all.
		handler.setLogLevel(KafkaException.Level.DEBUG);
		return handler;
	}

	private <K, V> ConcurrentKafkaListenerContainerFactory<K, V> listenerFactory(Topic<K, V> topic,
			ConsumerFactory<?, ?> bootConsumerFactory, DefaultErrorHandler retries) {
		Map<String, Object> config = bootConsumerFactory.getConfigurationProperties();
		ConcurrentKafkaListenerContainerFactory<K, V> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config,
				new ErrorHandlingDeserializer<>(topic.keySerde().deserializer()),
				new ErrorHandlingDeserializer<>(topic.valueSerde().deserializer())));
		factory.setCommonErrorHandler(retries);
		// Partitions taken over from an instance that died are handled only once the
		// ledger shows what that instance sent.
		factory.getContainerProperties().setConsumerRebalanceListener(this.ledgerCatchUp);
		// A message is claimed for sending with the offset of the record in hand.
		factory.setRecordInterceptor(recordsInHand());
		Integer concurrency = this.kafka.getListener().getConcurrency();
		if (concurrency != null) {
			factory.setConcurrency(concurrency);
		}
		return factory;
	}

	@SuppressWarnings("unchecked")
	private <K, V> RecordInterceptor<K, V> recordsInHand() {
		return (RecordInterceptor<K, V>) (RecordInterceptor<?, ?>) this.recordsInHand;
	}

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
