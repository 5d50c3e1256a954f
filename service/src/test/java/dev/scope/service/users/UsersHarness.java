package dev.scope.service.users;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.scope.service.db.Database;
import dev.scope.service.testing.TestPostgres;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A users component on a fresh database, mailing through the test's GreenMail. */
final class UsersHarness implements AutoCloseable {
    private static final Pattern LINK = Pattern.compile("(http://\\S+/login/link\\?token=)(\\S+)");

    final Vertx vertx = Vertx.vertx();
    final Database db;
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final UsersComponent component;
    final GreenMailExtension mail;

    UsersHarness(GreenMailExtension mail, UnaryOperator<UsersSettings> tweak) {
        this.mail = mail;
        this.db = Database.connect(TestPostgres.freshDatabase("users-test"));
        UsersSettings settings = tweak.apply(UsersSettings.defaults("127.0.0.1", 0, "http://localhost:4040",
                MailSettings.plain("127.0.0.1", mail.getSmtp().getPort(), "scope@example.com")));
        this.component = UsersComponent.start(vertx, db, registry, settings);
    }

    TestBrowser browser() {
        return new TestBrowser(component.port());
    }

    UsersAuthenticator auth() {
        return component.authenticator();
    }

    /** The e-mails sent to that address so far, once there are at least {@code count}. */
    List<MimeMessage> mailsTo(String address, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(mail.getReceivedMessages())
                .filter(m -> recipient(m).equalsIgnoreCase(address)).count() >= count);
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> recipient(m).equalsIgnoreCase(address)).toList();
    }

    static String body(MimeMessage m) {
        try {
            return m.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The login token in the latest e-mail to that address ({@code count} e-mails expected so far). */
    String loginToken(String address, int count) {
        List<MimeMessage> mails = mailsTo(address, count);
        Matcher m = LINK.matcher(body(mails.getLast()));
        assertThat(m.find()).as("a login link in: %s", body(mails.getLast())).isTrue();
        return m.group(2);
    }

    /** Signs up, follows the e-mailed link; the browser then holds a session. */
    TestBrowser signedIn(String address) {
        TestBrowser b = browser();
        int before = (int) Arrays.stream(mail.getReceivedMessages()).filter(m -> recipient(m).equalsIgnoreCase(address)).count();
        assertThat(b.post("/api/users/signup", new JsonObject().put("email", address)).statusCode()).isEqualTo(202);
        HttpResponse<String> r = b.followLoginLink(loginToken(address, before + 1));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(b.cookie("scope_session")).isNotNull();
        return b;
    }

    String createOrg(TestBrowser b, String name) {
        HttpResponse<String> r = b.post("/api/users/orgs", new JsonObject().put("name", name));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return new JsonObject(r.body()).getString("externalId");
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            return "";
        }
    }

    static String pathOf(String url) {
        URI u = URI.create(url);
        return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    @Override
    public void close() {
        component.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        db.close();
        registry.close();
    }
}
