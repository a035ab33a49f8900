package cn.finance.disclosure.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * nginx (Debian's package) on 127.0.0.1 serving the same bytes from files, as the physical reference: what a static
 * web server on this machine does with the immutable documents. Started in the foreground, stopped by its pid.
 */
final class Nginx implements AutoCloseable {

    private final Process process;
    private final int port;

    private Nginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Nginx serve(Path root, int port, Path work) throws IOException {
        Files.createDirectories(work.resolve("logs"));
        Path conf = work.resolve("nginx.conf");
        Files.writeString(conf, """
                worker_processes 2;
                pid %s;
                error_log %s warn;
                events { worker_connections 1024; }
                http {
                  access_log off;
                  sendfile on;
                  tcp_nopush on;
                  keepalive_requests 1000000;
                  types { application/json json; text/html html; text/plain txt; }
                  client_body_temp_path %s;
                  proxy_temp_path %s;
                  fastcgi_temp_path %s;
                  uwsgi_temp_path %s;
                  scgi_temp_path %s;
                  server {
                    listen 127.0.0.1:%d;
                    root %s;
                    etag on;
                    add_header Cache-Control "public, max-age=31536000, immutable";
                  }
                }
                """.formatted(work.resolve("nginx.pid"), work.resolve("logs/error.log"), work.resolve("tmp"),
                work.resolve("tmp"), work.resolve("tmp"), work.resolve("tmp"), work.resolve("tmp"), port, root));
        Files.createDirectories(work.resolve("tmp"));
        Process p = new ProcessBuilder("nginx", "-c", conf.toString(), "-p", work.toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(work.resolve("logs/stdout.log").toFile()).start();
        Nginx nginx = new Nginx(p, port);
        nginx.awaitListening();
        return nginx;
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("nginx exited with " + process.exitValue());
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port);
    }

    long pid() {
        return process.pid();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
