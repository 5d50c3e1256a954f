/**
 * The users component of Scope as a Service: sign-up by e-mail link (and optional password), sessions, CSRF,
 * rate limits, organisations, members, invitations, probe tokens and the site admin's pages, over the shared
 * PostgreSQL database (migrations {@code V1_*}). {@link dev.scope.service.users.UsersAuthenticator} answers the
 * gateway's questions. {@link dev.scope.service.users.UsersComponent} serves the HTML pages and the JSON API
 * under {@code /api/users}.
 */
package dev.scope.service.users;
