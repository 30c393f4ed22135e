package org.backgrounder.facts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.backgrounder.yaml.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the fact base in step with the files: when a fact file changes on disk it is checked, and
 * a valid edit goes live; a file with errors keeps its last good version serving (other stories
 * are not held back) and its errors are reported. Never serves a broken file.
 */
public final class FactsReloader implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FactsReloader.class);

  /** What a reload did. */
  public record Outcome(boolean changed, FactBase base, List<Problem> errors) {
    public Outcome {
      errors = List.copyOf(errors);
    }
  }

  private final Path folder;
  private final FactFileLoader loader;
  private final Consumer<FactBase> apply;
  private final Consumer<List<Problem>> report;
  private final Map<String, FactFile> lastGood = new LinkedHashMap<>();
  private volatile FactBase current;
  private String seenFingerprint = "";
  /** The files whose facts could not be applied, already reported: told once, retried on. */
  private String failedFingerprint = "";
  private Thread watcher;
  private final Object pause = new Object();
  private volatile boolean running;

  /**
   * @param initial the fact base the bot started with (all files valid)
   * @param apply called with each new fact base, before it is current
   * @param report called with the errors of files that were kept at their last good version
   */
  public FactsReloader(Path folder, FactFileLoader loader, FactBase initial,
      Consumer<FactBase> apply, Consumer<List<Problem>> report) {
    this.folder = folder;
    this.loader = loader;
    this.apply = apply;
    this.report = report;
    this.current = initial;
    for (FactFile f : initial.stories()) {
      lastGood.put(f.file(), f);
    }
    this.seenFingerprint = fingerprint();
  }

  /** The files to serve: the first file of each story id; a later one is an error. */
  private static List<FactFile> choose(Map<String, FactFile> files, List<Problem> errors) {
    Map<String, String> storyFile = new HashMap<>();
    List<FactFile> chosen = new ArrayList<>();
    for (Map.Entry<String, FactFile> e : files.entrySet()) {
      String other = storyFile.putIfAbsent(e.getValue().story().id(), e.getKey());
      if (other != null) {
        errors.add(new Problem(e.getKey(), 0, 0, Problem.Severity.ERROR, "story id '"
            + e.getValue().story().id() + "' is already used by " + other
            + "; this file is not loaded"));
      } else {
        chosen.add(e.getValue());
      }
    }
    return chosen;
  }

  public FactBase current() {
    return current;
  }

  /**
   * Checks the folder now and applies what is valid. The files count as seen only once their
   * facts are applied: when applying throws (the index or the history failing), the last good
   * version keeps serving, the admins hear of it once, and the next check tries again.
   */
  public synchronized Outcome reloadNow() {
    String print = fingerprint();
    List<Problem> errors = new ArrayList<>();
    Map<String, FactFile> next = new LinkedHashMap<>();
    for (Path p : list(folder)) {
      String name = p.toString();
      FactFileLoader.Result r = loader.loadFile(p, name);
      if (r.hasErrors()) {
        errors.addAll(r.problems().stream().filter(Problem::isError).toList());
        FactFile previous = lastGood.get(name);
        if (previous != null) {
          next.put(name, previous);
        }
      } else {
        r.files().forEach(f -> next.put(name, f));
      }
    }
    List<FactFile> chosen = choose(next, errors);
    FactBase base = FactBase.of(chosen);
    boolean changed = !sameFacts(base, current);
    if (changed) {
      try {
        apply.accept(base);
      } catch (RuntimeException | Error e) {
        return notApplied(print, e, errors);
      }
      current = base;
      lastGood.clear();
      next.forEach((k, v) -> {
        if (chosen.contains(v)) {
          lastGood.put(k, v);
        }
      });
      LOG.info("fact files reloaded: {} stories, {} facts", base.stories().size(), base.factCount());
    }
    seenFingerprint = print;
    failedFingerprint = "";
    if (!errors.isEmpty()) {
      for (Problem p : errors) {
        LOG.warn("{}", p);
      }
      LOG.warn("kept the last good version of the fact files with errors ({} errors)", errors.size());
      report.accept(errors);
    }
    return new Outcome(changed, current, errors);
  }

  private Outcome notApplied(String print, Throwable e, List<Problem> errors) {
    LOG.error("the edited fact files could not be applied; the last good version keeps serving,"
        + " and the next check tries again", e);
    errors.add(new Problem(folder.toString(), 0, 0, Problem.Severity.ERROR, "the edited fact"
        + " files could not be applied (" + e.getClass().getSimpleName() + ": " + e.getMessage()
        + "); the last good version keeps serving, and the next check tries again"));
    if (!print.equals(failedFingerprint)) {
      failedFingerprint = print;
      report.accept(errors);
    }
    return new Outcome(false, current, errors);
  }

  /** Checks the folder every {@code interval} in the background; edits go live within that. */
  public synchronized void start(java.time.Duration interval) {
    running = true;
    watcher = new Thread(() -> {
      while (running) {
        try {
          synchronized (pause) {
            pause.wait(interval.toMillis());
          }
          if (!running) {
            return;
          }
          String print = fingerprint();
          boolean differs;
          synchronized (this) {
            differs = !print.equals(seenFingerprint);
          }
          if (differs) {
            reloadNow();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (Throwable e) {
          LOG.error("reloading the fact files failed; the last good version keeps serving", e);
        }
      }
    }, "facts-reloader");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static List<Path> list(Path folder) {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted().toList();
    } catch (IOException e) {
      LOG.warn("cannot list {}: {}", folder, e.getMessage());
      return List.of();
    }
  }

  /** Names, sizes and modification times: enough to notice an edit without reading every file. */
  private String fingerprint() {
    StringBuilder b = new StringBuilder();
    for (Path p : list(folder)) {
      try {
        b.append(p.getFileName()).append(':').append(Files.size(p)).append(':')
            .append(Files.getLastModifiedTime(p).toMillis()).append('|');
      } catch (IOException e) {
        b.append(p.getFileName()).append(":gone|");
      }
    }
    return b.toString();
  }

  private static boolean sameFacts(FactBase a, FactBase b) {
    return content(a).equals(content(b));
  }

  /** Everything a fact base serves, as values that compare equal when nothing changed. */
  private static List<List<Object>> content(FactBase base) {
    return base.stories().stream().map(f -> List.<Object>of(f.file(), f.story(), f.entities(),
        f.sources(), f.facts())).toList();
  }

  @Override
  /**
   * Stops watching, after a reload under way has finished: the watcher is woken, never
   * interrupted, because an interrupt inside the index's file I/O would close its channels.
   */
  public void close() {
    running = false;
    synchronized (pause) {
      pause.notifyAll();
    }
    Thread t = watcher;
    if (t != null && t != Thread.currentThread()) {
      try {
        t.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
