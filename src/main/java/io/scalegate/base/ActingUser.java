package io.scalegate.base;

/** Who is acting in this thread: a person, an API token, or the system. */
public interface ActingUser {

	/** The acting user's name; "system" for timers and start-up. */
	String current();

}
