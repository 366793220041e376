package io.objectledger.support.rest;

/** The body of every error answer: a stable code to match on and a sentence to read. */
public record Problem(String error, String message) {
}
