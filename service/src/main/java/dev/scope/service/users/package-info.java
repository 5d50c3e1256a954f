/**
 * The users component of Scope as a Service: who may see and do what. Everything lives in the shared PostgreSQL
 * database (migrations {@code V1_*}), so any number of replicas can run side by side.
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link dev.scope.service.users.UsersComponent} serves the pages and {@code /api/users} on its own port
 *       (plus {@code /metrics}, {@code /health}, {@code /ready}); settings in
 *       {@link dev.scope.service.users.UsersSettings} (also {@code fromEnvironment()}).</li>
 *   <li>{@link dev.scope.service.users.UsersAuthenticator} answers the gateway: probe token → organisation,
 *       session + organisation → member with role. Refusals are all the same empty answer.</li>
 *   <li>{@code Logins} (sign-up, links, passwords, sessions), {@code Organisations} (members, invitations,
 *       tokens), {@code SiteAdmin}; one {@code *Store} class per table; {@code JsonApi} and {@code Pages} on top.</li>
 * </ul>
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>Login links, sessions and probe tokens are 256-bit random secrets stored only as SHA-256 digests; a login
 *       link works once and expires (72 h by default); sessions expire (14 days) and end at logout or when a
 *       site admin disables the user.</li>
 *   <li>Cookies: {@code scope_session} (HttpOnly, SameSite=Lax, Secure when the public URL is https) and
 *       {@code scope_csrf} (readable by pages, SameSite=Lax). Every POST/PUT/DELETE/PATCH must repeat the
 *       {@code scope_csrf} cookie in the {@code X-CSRF-Token} header or the {@code csrf} form field, else 403.</li>
 *   <li>Sign-up/link requests and password logins are rate-limited per address and per client IP (counters in
 *       the database, shared by replicas; 429 when over). Behind the gateway set {@code trustForwardedFor} so
 *       the IP is the gateway's {@code X-Forwarded-For}.</li>
 *   <li>Not a member of an organisation → 404; member with too low a role → 403; the last admin cannot leave,
 *       be removed or step down (409).</li>
 * </ul>
 *
 * <h2>JSON API ({@code /api/users})</h2>
 * <pre>
 * GET    /csrf                                   the CSRF token (also set as cookie)
 * POST   /signup {email}                         202; e-mails a login link (or a welcome when approval is on)
 * POST   /login/link {token}                     uses a login link → session cookie
 * POST   /login {email, password}                password login → session cookie
 * POST   /logout                                 204
 * GET    /me                                     user and organisations;  POST /me/password {current, password}
 * GET    /orgs, POST /orgs {name}                list / create (creator is admin)
 * GET    /orgs/{ext}                             organisation with members and pending invitations
 * POST   /orgs/{ext}/invitations {email, role}   admin;  DELETE /orgs/{ext}/invitations/{id}
 * PUT    /orgs/{ext}/members/{userId} {role}     admin;  DELETE /orgs/{ext}/members/{userId} (admin, or self)
 * POST   /orgs/{ext}/leave
 * GET    /orgs/{ext}/tokens                      admin; POST creates (token + commands, shown once)
 * POST   /orgs/{ext}/tokens/{id}/rotate          admin;  DELETE /orgs/{ext}/tokens/{id} revokes
 * GET    /admin/users, /admin/orgs               site admins
 * POST   /admin/users/{id}/admin {admin}, /admin/users/{id}/disabled {disabled}, /admin/users/{id}/approve
 * DELETE /admin/orgs/{ext}                       deletes the organisation, its memberships, tokens and reports
 * </pre>
 * Pages: {@code /}, {@code /signup}, {@code /login}, {@code /check-email}, {@code /login/link?token=} (shows a
 * Log in button; only its POST spends the link, so mail scanners that fetch links do not),
 * {@code /account}, {@code /org/{ext}} (dashboard: how to connect a probe, link to {@code /api/app/{ext}/}),
 * {@code /org/{ext}/members}, {@code /org/{ext}/tokens}, {@code /admin}.
 */
package dev.scope.service.users;
