package org.lafaom.platform.training;

/** A training session was created (published inside the creating transaction). */
public record TrainingSessionCreated(String sessionId) {}
