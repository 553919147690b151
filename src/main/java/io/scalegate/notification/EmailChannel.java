package io.scalegate.notification;

/**
 * How a notification goes out by e-mail, decided when it is recorded from the recipient's
 * preference, their address and whether e-mail is configured.
 */
enum EmailChannel {

	NONE, IMMEDIATE, DIGEST

}
