package org.lafaom.platform.training;

/** A session was deleted; {@code moodleCourseId} is the course it was linked to, if any. */
public record TrainingSessionDeleted(String sessionId, Integer moodleCourseId) {}
