package com.geminihealth.dashboard.security;

import org.springframework.security.authentication.AccountStatusException;

/**
 * A sign-in refused without its password being checked. An account status, so that no
 * other way of signing in is tried after it.
 */
class TooManyFailedSignIns extends AccountStatusException {

	TooManyFailedSignIns() {
		super("Too many failed sign-ins for this user or from this address: wait, then try again");
	}

}
