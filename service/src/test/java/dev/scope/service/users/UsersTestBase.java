package dev.scope.service.users;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GreenMail for the test class, and for each test a users component on a fresh database in {@link #h}. A test class
 * changes the component's settings by overriding {@link #settings}.
 */
abstract class UsersTestBase {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    UsersHarness h;

    /** The settings of each test's component: the defaults unless a test class says otherwise. */
    UsersSettings settings(UsersSettings defaults) {
        return defaults;
    }

    @BeforeEach
    final void startUsers() {
        h = new UsersHarness(MAIL, this::settings);
    }

    @AfterEach
    final void stopUsers() {
        h.close();
    }
}
