package com.geminihealth.dashboard.inbox;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.geminihealth.dashboard.FrontDeskMarks;
import com.geminihealth.dashboard.stream.ErasedPatient;
import com.geminihealth.dashboard.stream.PipelineEvent;
import com.geminihealth.dashboard.stream.ReadModel;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.inquiry.ContactInquiryReceived;
import com.geminihealth.schemas.patient.FreeTextReply;
import com.geminihealth.schemas.privacy.ErasureRequested;

/**
 * What needs a person's answer: contact-form inquiries (kept for good on their compacted
 * topic, until erased) and the SMS replies the system could not read (kept as long as the
 * replies' stream keeps them), newest first.
 */
@Component
public class Inbox implements ReadModel {

	static final String MARK = "handled";

	private final Map<String, Message> messages = new LinkedHashMap<>();

	private final FrontDeskMarks marks;

	public Inbox(FrontDeskMarks marks) {
		this.marks = marks;
	}

	@Override
	public synchronized void apply(PipelineEvent event) {
		if (event.value() instanceof ContactInquiryReceived inquiry) {
			String id = inquiry.inquiryId().value();
			this.messages.put(id,
					new Message(id, "Inquiry", inquiry.name(), inquiry.email(), inquiry.phone(),
							(inquiry.location() != null) ? inquiry.location().value() : null, inquiry.message(),
							(inquiry.receivedAt() != null) ? inquiry.receivedAt() : event.time(), false));
		}
		else if (event.removes(Topics.CONTACT_INQUIRIES)) {
			this.messages.remove(event.removedKey());
		}
		else if (event.value() instanceof ErasureRequested erasure) {
			ErasedPatient erased = ErasedPatient.of(erasure);
			this.messages.values().removeIf((message) -> erased.owns(message.email()) || erased.owns(message.phone()));
		}
		else if (event.value() instanceof FreeTextReply reply) {
			String contact = reply.contact().value();
			this.messages.put(event.id(),
					new Message(event.id(), "SMS reply", event.firstName(), reply.contact().isPhone() ? null : contact,
							reply.contact().isPhone() ? contact : null, null, reply.body(),
							(reply.receivedAt() != null) ? reply.receivedAt() : event.time(), false));
		}
	}

	public synchronized List<Message> messages() {
		return this.messages.values()
			.stream()
			.map((message) -> message.withHandled(this.marks.get(MARK, message.id()) != null))
			.sorted(Comparator.comparing(Message::handled)
				.thenComparing(Message::receivedAt, Comparator.reverseOrder()))
			.toList();
	}

	synchronized boolean handle(String id, String by) {
		if (!this.messages.containsKey(id)) {
			return false;
		}
		this.marks.put(MARK, id, Instant.now().toString(), by);
		return true;
	}

	/**
	 * An inquiry or reply; {@code from} is the name given or the patient's first name.
	 */
	public record Message(String id, String kind, String from, String email, String phone, String location, String text,
			Instant receivedAt, boolean handled) {

		Message withHandled(boolean handled) {
			return new Message(this.id, this.kind, this.from, this.email, this.phone, this.location, this.text,
					this.receivedAt, handled);
		}

		@Override
		public String toString() {
			return "Message[" + this.id + ", " + this.kind + ", handled=" + this.handled + "]";
		}

	}

}
