package com.geminihealth.notifications.sms;

/** Hands a text to a provider; returns the provider's id for it. */
@FunctionalInterface
interface SmsGateway {

	String send(Sms sms);

}
