package dev.coderusers.testsupport;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback proxy in front of a PostgreSQL server that reads the frontend protocol of every connection and
 * records what the database is asked to do: each statement executed (simple or extended protocol) and each
 * round trip (a {@code Sync}, or a simple {@code Query}). It counts what the server sees, whatever produced it
 * (Hibernate, plain JDBC, the transaction manager's {@code BEGIN}/{@code COMMIT}).
 *
 * <p>The JDBC driver's own look-ups of type metadata ({@code pg_catalog.pg_type}, once per connection and type)
 * and empty validation queries are not the service's statements and are left out, together with the round
 * trips that carried nothing else. Connect with {@code sslmode=disable}: an encrypted stream cannot be read.
 */
public final class PostgresWireRecorder implements AutoCloseable {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_ENCRYPTION_REQUEST = 80877104;

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final AtomicInteger roundTrips = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();

    private PostgresWireRecorder(ServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
    }

    /** Listens on a free loopback port and forwards every connection to {@code target}. */
    public static PostgresWireRecorder start(InetSocketAddress target) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        PostgresWireRecorder recorder = new PostgresWireRecorder(server, target);
        daemon("wire-recorder-accept", recorder::accept);
        return recorder;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Forgets what was recorded so far. */
    public void reset() {
        statements.clear();
        roundTrips.set(0);
    }

    /** The SQL of every statement executed since {@link #reset()}, in the order the server received them. */
    public List<String> statements() {
        return List.copyOf(statements);
    }

    /** The round trips to the server since {@link #reset()} that carried at least one statement. */
    public int roundTrips() {
        return roundTrips.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            sockets.add(client);
            try {
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                upstream.setTcpNoDelay(true);
                client.setTcpNoDelay(true);
                sockets.add(upstream);
                int id = connections.incrementAndGet();
                daemon("wire-recorder-" + id + "-up", () -> readFrontend(client, upstream));
                daemon("wire-recorder-" + id + "-down", () -> copy(upstream, client));
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    /** Client to server: forwards every message after noting what it asks for. */
    private void readFrontend(Socket client, Socket upstream) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(upstream.getOutputStream()))) {
            // Untyped packets first: optional encryption requests (the server declines them), then the start-up.
            while (true) {
                int length = in.readInt();
                byte[] body = in.readNBytes(length - 4);
                out.writeInt(length);
                out.write(body);
                out.flush();
                int code = ((body[0] & 0xff) << 24)
                        | ((body[1] & 0xff) << 16)
                        | ((body[2] & 0xff) << 8)
                        | (body[3] & 0xff);
                if (code != SSL_REQUEST && code != GSS_ENCRYPTION_REQUEST) {
                    break;
                }
            }
            Connection connection = new Connection();
            while (true) {
                int type = in.read();
                if (type < 0) {
                    return;
                }
                int length = in.readInt();
                byte[] body = in.readNBytes(length - 4);
                connection.note((char) type, body);
                out.write(type);
                out.writeInt(length);
                out.write(body);
                if (in.available() == 0) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            // One side closed.
        } finally {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    /** The extended protocol's state of one connection: its prepared statements and the statement bound last. */
    private final class Connection {
        private final Map<String, String> prepared = new HashMap<>();
        private String bound = "";
        private boolean batchHasStatement;

        void note(char type, byte[] body) {
            switch (type) {
                case 'P' -> {
                    List<String> strings = cStrings(body, 2);
                    prepared.put(strings.get(0), strings.get(1));
                }
                case 'B' -> bound = prepared.getOrDefault(cStrings(body, 2).get(1), "");
                case 'E' -> record(bound);
                case 'S' -> {
                    if (batchHasStatement) {
                        roundTrips.incrementAndGet();
                    }
                    batchHasStatement = false;
                }
                case 'Q' -> {
                    String sql = cStrings(body, 1).get(0);
                    record(sql);
                    // The driver sends a transaction's BEGIN as a simple query in the same flight as the first
                    // statement, without waiting for its answer: one round trip with what follows.
                    if (!sql.equals("BEGIN")) {
                        if (batchHasStatement) {
                            roundTrips.incrementAndGet();
                        }
                        batchHasStatement = false;
                    }
                }
                default -> {
                    // Describe, Close, Flush, authentication, Terminate: nothing executed.
                }
            }
        }

        private void record(String sql) {
            if (sql.isBlank() || sql.contains("pg_catalog.pg_type")) {
                return;
            }
            statements.add(sql);
            batchHasStatement = true;
        }
    }

    private static List<String> cStrings(byte[] body, int count) {
        List<String> strings = new ArrayList<>(count);
        int start = 0;
        for (int i = 0; i < body.length && strings.size() < count; i++) {
            if (body[i] == 0) {
                strings.add(new String(body, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return strings;
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // One side closed.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
        sockets.forEach(PostgresWireRecorder::closeQuietly);
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Already closed.
        }
    }
}
