package com.geminihealth.schemas.waitlist;

/** What happened to a waitlist entry, keyed by the entry; written by the decider. */
public sealed interface WaitlistEvent permits WaitlistJoined, WaitlistOffered, WaitlistOfferClosed, WaitlistLeft {

	WaitlistEntryId entryId();

}
