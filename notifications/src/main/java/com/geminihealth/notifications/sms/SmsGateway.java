package com.geminihealth.notifications.sms;

import com.geminihealth.schemas.notification.NotificationId;

/**
 * Hands a text to a provider; returns the provider's id for it. The notification id lets
 * the provider's delivery reports name the notification they are about.
 */
@FunctionalInterface
interface SmsGateway {

	String send(Sms sms, NotificationId id);

}
