package cn.finance.disclosure.stack;

import de.bwaldvogel.mongo.MongoServer;
import cn.finance.disclosure.stack.mongo.IndexedH2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The MongoDB-wire server standing in for mongod where none can be installed: the real MongoDB driver talks to it.
 * File-backed (H2 MVStore) in the local stack so data survives a restart; in memory for tests.
 */
public final class MongoWireServer implements AutoCloseable {

    private final MongoServer server;
    private final H2Backend fileBackend;
    private final int port;

    private MongoWireServer(MongoServer server, H2Backend fileBackend, int port) {
        this.server = server;
        this.fileBackend = fileBackend;
        this.port = port;
    }

    public static MongoWireServer inMemory(int port) {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", port);
        return new MongoWireServer(server, null, server.getLocalAddress().getPort());
    }

    public static MongoWireServer fileBacked(int port, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        // the indexes the services declare are used, so a query's cost does not grow with the collection
        H2Backend backend = new IndexedH2Backend(file.toString());
        // commit often: a hard kill of this process loses at most the last 100 ms, not the last second
        backend.getMvStore().setAutoCommitDelay(100);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return new MongoWireServer(server, backend, port);
    }

    public int port() {
        return port;
    }

    public String uri(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        server.shutdown();
        if (fileBackend != null) {
            fileBackend.close();
        }
    }

    /** {@code MongoWireServer <port> <file>}: runs until the process is told to stop. */
    public static void main(String[] args) throws Exception {
        MongoWireServer server = fileBacked(Integer.parseInt(args[0]), Path.of(args[1]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "mongo-shutdown"));
        System.out.println("MongoDB-wire server ready on 127.0.0.1:" + server.port());
        stopped.await();
    }
}
