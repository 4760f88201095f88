package com.geminihealth.notifications.delivery;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.geminihealth.notifications.NotificationsKafkaConfiguration;
import com.geminihealth.schemas.notification.DeliveryReport;

/**
 * The provider's final word on each message, as booking intake received it from the
 * provider's webhook: recorded as a delivered or failed outcome, since this service is
 * the one writer of outcomes.
 */
@Component
class DeliveryReports {

	private final NotificationDelivery delivery;

	DeliveryReports(NotificationDelivery delivery) {
		this.delivery = delivery;
	}

	@KafkaListener(id = "delivery-reports", topics = "delivery-reports",
			containerFactory = NotificationsKafkaConfiguration.DELIVERY_REPORTS_FACTORY)
	void onReport(DeliveryReport report) {
		this.delivery.reported(report);
	}

}
