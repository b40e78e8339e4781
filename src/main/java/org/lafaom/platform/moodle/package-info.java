/**
 * Keeps Moodle in step with the platform through its REST web services: accounts (auth jwtsso),
 * courses for training sessions and enrolments, each pushed as a durable background task.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "tasks", "users", "training"})
package org.lafaom.platform.moodle;
