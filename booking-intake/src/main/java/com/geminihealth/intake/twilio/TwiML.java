package com.geminihealth.intake.twilio;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The TwiML documents the inbound-SMS webhook answers with, written by an XML writer in
 * UTF-8. Escaping text by hand for HTML produced entities such as {@code &eacute;} that
 * XML does not define, and Twilio refused the whole answer; the writer escapes only what
 * XML needs and writes bytes in the encoding the declaration names.
 */
final class TwiML {

	private static final MediaType CONTENT_TYPE = new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8);

	private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

	private TwiML() {
	}

	/** Nothing to send back: Twilio sends no reply text. */
	static ResponseEntity<byte[]> empty(HttpStatusCode status) {
		return ResponseEntity.status(status).contentType(CONTENT_TYPE).body(document(null));
	}

	/** One text message back to the sender. */
	static ResponseEntity<byte[]> message(String text) {
		return ResponseEntity.ok().contentType(CONTENT_TYPE).body(document(text));
	}

	private static byte[] document(String message) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			XMLStreamWriter xml = FACTORY.createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
			xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
			xml.writeStartElement("Response");
			if (message != null) {
				xml.writeStartElement("Message");
				xml.writeCharacters(message);
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("TwiML could not be written", ex);
		}
		return bytes.toByteArray();
	}

}
