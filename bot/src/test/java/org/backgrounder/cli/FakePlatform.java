package org.backgrounder.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.backgrounder.chat.ChatException;
import org.backgrounder.chat.ChatPlatform;
import org.backgrounder.chat.Reply;
import org.backgrounder.chat.Room;

/** A chat platform that records what the bot posts and can be told it lost its connection. */
final class FakePlatform implements ChatPlatform {

  /** One post. */
  record Sent(Room room, Reply reply, Optional<String> key) {}

  final List<Sent> sent = new CopyOnWriteArrayList<>();
  private final String name;
  volatile boolean connected;
  volatile boolean closed;

  FakePlatform(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void start() {
    connected = true;
  }

  @Override
  public void signInToPost() {
  }

  @Override
  public boolean connected() {
    return connected;
  }

  @Override
  public void send(Room room, Reply reply) throws ChatException {
    send(room, reply, Optional.empty());
  }

  @Override
  public void send(Room room, Reply reply, Optional<String> key) {
    sent.add(new Sent(room, reply, key));
  }

  @Override
  public void close() {
    connected = false;
    closed = true;
  }
}
