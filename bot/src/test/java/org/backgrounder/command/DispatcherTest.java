package org.backgrounder.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.backgrounder.chat.Incoming;
import org.backgrounder.chat.PlainText;
import org.backgrounder.chat.Reply;
import org.backgrounder.chat.Room;
import org.backgrounder.chat.User;
import org.junit.jupiter.api.Test;

class DispatcherTest {

  private static final User ALICE = new User("slack", "U1", "Alice", false);
  private static final Room ROOM = new Room("slack", "C1", false, Optional.empty());

  private static Incoming says(User user, String text) {
    return new Incoming(user, ROOM, text, "m1", Instant.EPOCH);
  }

  private static CommandRegistry registry() {
    CommandRegistry r = new CommandRegistry();
    r.register(new CommandSpec("ask", "/ask QUESTION", "Answers.", false,
        req -> Reply.info("asked: " + req.args())));
    r.register(new CommandSpec("boom", "/boom", "Fails inside.", false, req -> {
      throw new IllegalStateException("secret internal detail /var/lib/db");
    }));
    r.register(new CommandSpec("oops", "/oops", "Fails for the user.", false, req -> {
      throw new UserFacingException("Please name a topic.");
    }));
    r.register(new CommandSpec("reload", "/reload", "Reloads.", true, req -> Reply.info("reloaded")));
    r.register(HelpCommand.spec(r));
    return r;
  }

  private static String text(Reply r) {
    return PlainText.render(r);
  }

  @Test
  void plainMessage_goesToAsk() {
    Dispatcher d = new Dispatcher(registry(), List.of());

    assertThat(text(d.handle(says(ALICE, "who designated the cartels?"))))
        .isEqualTo("asked: who designated the cartels?");
  }

  @Test
  void command_isSplitIntoNameAndArguments() {
    Request r = Dispatcher.parse(says(ALICE, "/Sources   palantir contract "));

    assertThat(r.command()).isEqualTo("sources");
    assertThat(r.args()).isEqualTo("palantir contract");
  }

  @Test
  void unknownCommand_isAPoliteErrorListingTheCommands() {
    Reply r = new Dispatcher(registry(), List.of()).handle(says(ALICE, "/frobnicate now"));

    assertThat(r.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(text(r)).isEqualTo("I don't know the command /frobnicate. Commands: /ask, /boom,"
        + " /oops, /reload, /help.");
  }

  @Test
  void userFacingError_isShownAsWritten() {
    Reply r = new Dispatcher(registry(), List.of()).handle(says(ALICE, "/oops"));

    assertThat(text(r)).isEqualTo("Please name a topic.");
  }

  @Test
  void unexpectedFailure_isAnsweredWithoutInternals() {
    Reply r = new Dispatcher(registry(), List.of()).handle(says(ALICE, "/boom"));

    assertThat(r.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(text(r)).isEqualTo(Dispatcher.SORRY).doesNotContain("secret");
  }

  @Test
  void registry_duplicateName_failsAtStartUp() {
    CommandRegistry r = registry();

    assertThatThrownBy(() -> r.register(new CommandSpec("ask", "/ask", "Again.", false,
        req -> Reply.none()))).hasMessage("two commands are called 'ask'");
  }

  @Test
  void help_isRenderedFromTheRegistry() {
    Reply r = new Dispatcher(registry(), List.of()).handle(says(ALICE, "/help"));

    assertThat(text(r)).contains("/ask QUESTION: Answers.", "/reload: Reloads. (admins only)",
        "/help [COMMAND]");
    assertThat(text(new Dispatcher(registry(), List.of()).handle(says(ALICE, "/help reload"))))
        .isEqualTo("/reload: Reloads. (admins only)");
  }

  @Test
  void bots_areNeverAnswered() {
    Dispatcher d = new Dispatcher(registry(), List.of(Interceptors.ignoreBots()));

    assertThat(d.handle(says(new User("slack", "B1", "Other bot", true), "hello")).isEmpty()).isTrue();
  }

  @Test
  void adminCommand_fromSomeoneElse_isPolitelyRefused() {
    CommandRegistry r = registry();
    Dispatcher d = new Dispatcher(r, List.of(Interceptors.adminOnly(r, Set.of("slack:U9"))));

    assertThat(text(d.handle(says(ALICE, "/reload")))).startsWith("Sorry, /reload is for the"
        + " desk's admins.");
    assertThat(text(d.handle(says(new User("slack", "U9", "Editor", false), "/reload"))))
        .isEqualTo("reloaded");
  }

  @Test
  void adminArguments_fromSomeoneElse_areRefusedByTheAdminInterceptorAlone() {
    CommandRegistry r = registry();
    r.register(new CommandSpec("digest", "/digest", "Digests.", false,
        args -> args.equals("--post"), req -> Reply.info("ran with '" + req.args() + "'")));
    Dispatcher d = new Dispatcher(r, List.of(Interceptors.adminOnly(r, Set.of("slack:U9"))));
    User editor = new User("slack", "U9", "Editor", false);

    assertThat(text(d.handle(says(ALICE, "/digest --post")))).startsWith("Sorry, /digest --post"
        + " is for the desk's admins.");
    assertThat(text(d.handle(says(ALICE, "/digest")))).isEqualTo("ran with ''");
    assertThat(text(d.handle(says(editor, "/digest --post")))).isEqualTo("ran with '--post'");
    assertThat(text(new Dispatcher(r, List.of()).handle(says(ALICE, "/digest --post"))))
        .as("the command itself does not check").isEqualTo("ran with '--post'");
  }

  @Test
  void rateLimit_afterTheLimit_asksToWaitThenForgetsAfterAMinute() {
    AtomicLong nanos = new AtomicLong();
    Dispatcher d = new Dispatcher(registry(), List.of(Interceptors.rateLimit(2, nanos::get)));

    assertThat(text(d.handle(says(ALICE, "one")))).isEqualTo("asked: one");
    assertThat(text(d.handle(says(ALICE, "two")))).isEqualTo("asked: two");
    assertThat(text(d.handle(says(ALICE, "three")))).contains("please give me a moment");
    assertThat(text(d.handle(says(new User("slack", "U2", "Bob", false), "four"))))
        .isEqualTo("asked: four");
    nanos.addAndGet(61_000_000_000L);
    assertThat(text(d.handle(says(ALICE, "five")))).isEqualTo("asked: five");
  }

  @Test
  void rateLimit_messagesPastTheRefusal_areIgnoredUntilTheMinuteIsOver() {
    AtomicLong nanos = new AtomicLong();
    Dispatcher d = new Dispatcher(registry(), List.of(Interceptors.rateLimit(1, nanos::get)));

    d.handle(says(ALICE, "one"));
    Reply refused = d.handle(says(ALICE, "two"));
    Reply flood = d.handle(says(ALICE, "three"));
    Reply more = d.handle(says(ALICE, "four"));
    nanos.addAndGet(61_000_000_000L);

    assertThat(text(refused)).contains("please give me a moment");
    assertThat(flood.isEmpty()).isTrue();
    assertThat(more.isEmpty()).isTrue();
    assertThat(text(d.handle(says(ALICE, "five")))).isEqualTo("asked: five");
  }

  @Test
  void oversizedMessage_isRefusedPolitely() {
    Dispatcher d = new Dispatcher(registry(), List.of(Interceptors.maxLength(100)));

    Reply r = d.handle(says(ALICE, "x".repeat(5000)));

    assertThat(text(r)).startsWith("That message is 5000 characters long; I take questions of up to 100.");
  }

  @Test
  void interceptors_runInTheirListedOrder() {
    StringBuilder order = new StringBuilder();
    Interceptor a = (req, next) -> { order.append('a'); return next.proceed(req); };
    Interceptor b = (req, next) -> { order.append('b'); return next.proceed(req); };

    new Dispatcher(registry(), List.of(a, b)).handle(says(ALICE, "hi"));

    assertThat(order).hasToString("ab");
  }
}
