/**
 * Cross-cutting web plumbing every feature uses: the contract's success/fail envelopes, pagination,
 * error codes and their HTTP mapping, request ids, database and JSON set-up. No business rules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.lafaom.platform.shared;
