package org.starkit.badge;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issues a roster's awards on several threads: signing, baking and printing the certificates run
 * in parallel, while each award's random parts are drawn, and its files written and its ledger line
 * recorded, in roster order on the calling thread. So the files and the ledger are those of issuing
 * one award after the other, and a failure stops the roster where one-by-one issuing would have
 * stopped: the awards before it are written and recorded, none after it.
 */
public final class RosterIssuer {
  /** How many awards per thread are signed ahead of the one being written. */
  private static final int AHEAD_PER_THREAD = 8;

  /** Prints an award's certificate (PDF bytes). */
  @FunctionalInterface
  public interface CertificateMaker {
    byte[] print(BadgeIssuer.Issued award, BadgeIssuer.Request request) throws Exception;
  }

  private final BadgeIssuer issuer;
  private final AwardWriter writer;
  private final byte[] png;
  private final String svg;
  private final CertificateMaker certificates;
  private final int threads;

  /**
   * @param certificates prints each award's certificate, or null to write no certificates
   * @param threads how many awards to sign at once; 1 issues them one after the other
   */
  public RosterIssuer(BadgeIssuer issuer, AwardWriter writer, byte[] png, String svg, CertificateMaker certificates,
      int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    this.issuer = issuer;
    this.writer = writer;
    this.png = png;
    this.svg = svg;
    this.certificates = certificates;
    this.threads = threads;
  }

  private record Done(BadgeIssuer.Issued award, byte[] certificate) {}

  /**
   * Issues, writes and records an award for every request, in order, calling {@code progress}
   * after each; the first failure (in roster order) is thrown as it was raised.
   */
  public void issue(List<BadgeIssuer.Request> requests, Runnable progress) throws Exception {
    if (threads == 1 || requests.size() < 2) {
      for (BadgeIssuer.Request r : requests) {
        store(make(r, issuer.draw()), r);
        progress.run();
      }
      return;
    }
    AtomicInteger count = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
      Thread t = new Thread(task, "starkit-issue-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      Deque<Future<Done>> ahead = new ArrayDeque<>();
      int next = 0;
      for (int written = 0; written < requests.size(); written++) {
        while (next < requests.size() && ahead.size() < threads * AHEAD_PER_THREAD) {
          BadgeIssuer.Request r = requests.get(next++);
          BadgeIssuer.Draw draw = issuer.draw();
          ahead.add(pool.submit((Callable<Done>) () -> make(r, draw)));
        }
        Done done;
        try {
          done = ahead.remove().get();
        } catch (ExecutionException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
        store(done, requests.get(written));
        progress.run();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private Done make(BadgeIssuer.Request r, BadgeIssuer.Draw draw) throws Exception {
    BadgeIssuer.Issued award = issuer.issue(r, draw, png, svg);
    return new Done(award, certificates == null ? null : certificates.print(award, r));
  }

  private void store(Done done, BadgeIssuer.Request r) throws Exception {
    writer.write(done.award(), r.achievement().id(), done.certificate());
    writer.record(done.award());
  }
}
