package com.geminihealth.intake.web;

import java.net.ServerSocket;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ForwardingTest {

	@Test
	void saysNotReadyWhenTheOwnerCannotBeReachedSoTheDoorAnswers503NotA500() throws Exception {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}

		assertThatExceptionOfType(InvalidStateStoreException.class)
			.isThrownBy(() -> new Forwarding().get(new HostInfo("localhost", closed), "/api/bookings/x"));
	}

}
