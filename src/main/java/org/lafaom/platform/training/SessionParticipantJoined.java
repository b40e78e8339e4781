package org.lafaom.platform.training;

/** A student became a participant of a session (their application was approved). */
public record SessionParticipantJoined(String sessionId, String userId, int applicationId) {}
