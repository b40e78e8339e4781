package org.lafaom.platform.training;

/** What Moodle shows of a session changed: its dates, status, or its training's title. */
public record TrainingSessionChanged(String sessionId) {}
