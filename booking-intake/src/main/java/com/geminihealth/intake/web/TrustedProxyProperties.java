package com.geminihealth.intake.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reverse proxies whose forwarding headers are believed: {@code X-Forwarded-For}
 * names the client only when the request comes from one of them. None by default, so a
 * header anyone can write never decides which address a limit counts.
 *
 * @param trustedProxies addresses or CIDR ranges ({@code 10.0.0.0/8},
 * {@code 2001:db8::/32}) of the proxies in front of this service
 */
@ConfigurationProperties("intake")
public record TrustedProxyProperties(@DefaultValue List<String> trustedProxies) {
}
