package org.lafaom.platform.training;

/** A student stopped being a participant (application refused after approval, cancelled or deleted). */
public record SessionParticipantLeft(String sessionId, String userId, int applicationId) {}
