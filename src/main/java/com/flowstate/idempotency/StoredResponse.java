package com.flowstate.idempotency;

/** The answer a request with an idempotency key got, replayed to every retry with that key. */
record StoredResponse(int status, String contentType, String location, byte[] body) {
}
