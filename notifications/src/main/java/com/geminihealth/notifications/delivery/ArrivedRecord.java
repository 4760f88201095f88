package com.geminihealth.notifications.delivery;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serializer;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

import com.geminihealth.schemas.Topic;
import com.geminihealth.schemas.Topics;

/**
 * A consumed record as it arrived: the bytes that could not be read, or the record as its
 * stream writes it, with its own headers (not the consumer's notes on what failed).
 */
record ArrivedRecord(byte[] key, byte[] value, List<Header> headers) {

	private static final LogAccessor springLog = new LogAccessor(ArrivedRecord.class);

	static ArrivedRecord of(ConsumerRecord<?, ?> record) {
		Topic<?, ?> topic = Topics.named(record.topic()).orElse(null);
		List<Header> headers = new ArrayList<>();
		for (Header header : record.headers()) {
			if (!header.key().startsWith(SerializationUtils.DESERIALIZER_EXCEPTION_HEADER_PREFIX)) {
				headers.add(header);
			}
		}
		return new ArrivedRecord(
				bytes(record, record.key(), SerializationUtils.KEY_DESERIALIZER_EXCEPTION_HEADER,
						(topic != null) ? topic.keySerde().serializer() : null),
				bytes(record, record.value(), SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER,
						(topic != null) ? topic.valueSerde().serializer() : null),
				headers);
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static byte[] bytes(ConsumerRecord<?, ?> record, Object read, String failureHeader, Serializer serializer) {
		DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(record, failureHeader,
				springLog);
		if (unreadable != null) {
			return unreadable.getData();
		}
		// Without headers the serializer writes the value only: the CloudEvents
		// attributes
		// stay the original's.
		return (read != null && serializer != null) ? serializer.serialize(record.topic(), read) : null;
	}

}
