package io.scalegate.evidence;

/** Outcome of one check on a small batch. */
public enum Result {

	PASS, FAIL

}
