package org.coopgraph.neo4j;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded with only the Bolt connector open, for local development and tests.
 *
 * <p>Usage: {@code java -jar coopgraph-neo4j.jar --data DIR [--port 7687] [--host 127.0.0.1] [--pagecache 256m]}.
 * Prints {@code READY bolt://HOST:PORT} on stdout once Bolt accepts connections, and exits cleanly on SIGTERM or
 * when its stdin closes (the parent process is gone).
 * Failures print one line starting with {@code ERROR } and exit with a code the Node side maps to a sentence:
 * 2 bad arguments, 3 port busy, 4 store locked by another process, 5 start failed.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) throws InterruptedException {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      fail(2, e.getMessage());
      return;
    }

    if (!portIsFree(options.host, options.port)) {
      fail(3, "port " + options.port + " on " + options.host + " is already in use");
    }

    DatabaseManagementService service;
    try {
      service = startService(options.data, options.host, options.port, options.pageCacheBytes);
    } catch (Throwable e) {
      fail(isLockFailure(e) ? 4 : 5, rootMessage(e));
      return;
    }

    CountDownLatch stopped = new CountDownLatch(1);
    DatabaseManagementService running = service;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      running.shutdown();
      stopped.countDown();
    }, "coopgraph-neo4j-shutdown"));

    System.out.println("READY bolt://" + options.host + ":" + options.port);
    System.out.flush();
    exitWhenStdinCloses();
    stopped.await();
  }

  /** Starts Neo4j on {@code data} with only Bolt open on {@code host:port}, and waits until it answers. */
  static DatabaseManagementService startService(Path data, String host, int port, long pageCacheBytes)
      throws IOException {
    Files.createDirectories(data);
    DatabaseManagementService service = new DatabaseManagementServiceBuilder(data)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
        .setConfig(HttpConnector.enabled, false)
        .setConfig(HttpsConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, false)
        .setConfig(GraphDatabaseSettings.udc_enabled, false)
        .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
        .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
        // Bolt waits 5 s twice for idle threads on shutdown by default; a local launcher has nothing to wait for.
        .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
        .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
        .build();
    try {
      service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
    } catch (RuntimeException e) {
      service.shutdown();
      throw e;
    }
    return service;
  }

  /** The parent keeps stdin open; EOF means it died without stopping us, so shut down instead of lingering. */
  static void exitWhenStdinCloses() {
    Thread watcher = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // Input is ignored; only the end of it matters.
        }
      } catch (IOException e) {
        // A broken pipe means the same as EOF.
      }
      System.exit(0);
    }, "coopgraph-neo4j-parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  static boolean portIsFree(String host, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isLockFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String name = t.getClass().getName();
      String message = String.valueOf(t.getMessage());
      if (name.contains("FileLock") || name.contains("StoreLocked") || message.contains("lock")) {
        return true;
      }
    }
    return false;
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage()).replace('\n', ' ');
  }

  private static void fail(int code, String message) {
    System.out.println("ERROR " + message);
    System.out.flush();
    System.exit(code);
  }

  /** Command-line options, parsed strictly so that a typo is reported rather than ignored. */
  private record Options(Path data, String host, int port, long pageCacheBytes) {
    static Options parse(String[] args) {
      Path data = null;
      String host = "127.0.0.1";
      int port = 7687;
      long pageCache = ByteUnit.mebiBytes(256);
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("option " + flag + " needs a value");
        }
        String value = args[++i];
        switch (flag) {
          case "--data" -> data = Path.of(value).toAbsolutePath();
          case "--host" -> host = value;
          case "--port" -> port = parsePort(value);
          case "--pagecache" -> pageCache = ByteUnit.parse(value);
          default -> throw new IllegalArgumentException("unknown option " + flag);
        }
      }
      if (data == null) {
        throw new IllegalArgumentException("option --data DIR is required");
      }
      return new Options(data, host, port, pageCache);
    }

    private static int parsePort(String value) {
      try {
        int port = Integer.parseInt(value);
        if (port < 1 || port > 65535) {
          throw new NumberFormatException();
        }
        return port;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--port expects a number from 1 to 65535, got " + value);
      }
    }
  }
}
