package org.coopgraph.neo4j;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.io.ByteUnit;

/**
 * Runs many embedded Neo4j instances in one JVM, each on a store and Bolt port of its own, started and stopped on
 * request: a test run plans the same Cypher in many short-lived stores, and one JVM compiles the planner once.
 *
 * <p>Usage: {@code java -cp coopgraph-neo4j.jar org.coopgraph.neo4j.Host}. Prints {@code CONTROL PORT} on stdout,
 * then serves line commands on 127.0.0.1:PORT, one connection per client:
 * {@code START BOLT_PORT PAGECACHE DIR} (a page cache size such as {@code 64m}) answers {@code READY} or {@code ERROR message};
 * {@code STOP BOLT_PORT} answers {@code STOPPED}. A closed connection stops the instances it started. Exits when its
 * stdin closes.
 */
public final class Host {
  private Host() {}

  public static void main(String[] args) throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    ServerSocket control = new ServerSocket(0, 50, loopback);
    System.out.println("CONTROL " + control.getLocalPort());
    System.out.flush();
    Launcher.exitWhenStdinCloses();
    while (true) {
      Socket client = control.accept();
      Thread thread = new Thread(() -> serve(client), "coopgraph-neo4j-host-client");
      thread.setDaemon(true);
      thread.start();
    }
  }

  private static void serve(Socket client) {
    Map<Integer, DatabaseManagementService> started = new HashMap<>();
    try (client;
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        out.println(answer(line, started));
      }
    } catch (IOException e) {
      // The client is gone; its instances are stopped below.
    } finally {
      started.values().forEach(DatabaseManagementService::shutdown);
    }
  }

  /** Carries out one command line for a client, whose started instances {@code started} holds; returns the answer. */
  private static String answer(String line, Map<Integer, DatabaseManagementService> started) {
    String[] parts = line.split(" ", 4);
    try {
      switch (parts[0]) {
        case "START" -> {
          int port = Integer.parseInt(parts[1]);
          if (!Launcher.portIsFree("127.0.0.1", port)) {
            throw new IllegalStateException("port " + port + " is already in use");
          }
          long pageCache = ByteUnit.parse(parts[2]);
          started.put(port, Launcher.startService(Path.of(parts[3]), "127.0.0.1", port, pageCache));
          return "READY";
        }
        case "STOP" -> {
          DatabaseManagementService service = started.remove(Integer.parseInt(parts[1]));
          if (service != null) {
            service.shutdown();
          }
          return "STOPPED";
        }
        default -> {
          return "ERROR unknown command " + parts[0];
        }
      }
    } catch (Throwable e) {
      return "ERROR " + Launcher.rootMessage(e);
    }
  }
}
