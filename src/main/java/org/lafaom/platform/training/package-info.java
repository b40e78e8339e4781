/**
 * The public catalogue: specialties, trainings and their sessions (dates, fees, slots, required
 * documents), and each session's participants. Publishes {@link TrainingSessionCreated},
 * {@link TrainingSessionChanged}, {@link TrainingSessionDeleted}, {@link SessionParticipantJoined} and
 * {@link SessionParticipantLeft} synchronously inside the causing transaction; other modules use
 * {@link TrainingSessions} to read sessions, take and give back slots, and link Moodle courses.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organization", "users", "cache"})
package org.lafaom.platform.training;
