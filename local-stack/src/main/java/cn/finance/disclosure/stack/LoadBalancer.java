package cn.finance.disclosure.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The nginx configuration of a replicated stack: one listener per usual port (gateway, each service), each balancing
 * over that component's instances. A request that cannot reach an instance (refused, reset before an answer) goes to
 * the next one; nginx never resends a request an instance may have acted on (POST/PUT are not retried after
 * they were sent), so a killed instance costs a retry at most, never a doubled write. nginx writes the client's
 * address in X-Real-IP (overwriting what the client sent), which the gateway nodes trust from 127.0.0.1 only.
 */
final class LoadBalancer {

    private LoadBalancer() {
    }

    /** Writes {@code nginx.conf} under {@code work} for {@code listeners} (usual port to instance ports). */
    static Path configure(Path work, Map<Integer, List<Integer>> listeners) {
        try {
            Files.createDirectories(work.resolve("tmp"));
            Files.createDirectories(work.resolve("logs"));
            StringBuilder servers = new StringBuilder();
            for (Map.Entry<Integer, List<Integer>> l : listeners.entrySet()) {
                String upstream = "instances_" + l.getKey();
                servers.append("""
                          upstream %s {
                        %s
                            keepalive 16;
                          }
                          server {
                            listen 127.0.0.1:%d;
                            location / {
                              proxy_pass http://%s;
                              proxy_http_version 1.1;
                              proxy_set_header Connection "";
                              proxy_set_header Host $http_host;
                              proxy_set_header X-Real-IP $remote_addr;
                              proxy_next_upstream error timeout http_502 http_503;
                              proxy_next_upstream_tries 3;
                              proxy_connect_timeout 2s;
                              proxy_read_timeout 120s;
                              proxy_send_timeout 120s;
                              proxy_buffering off;
                            }
                          }
                        """.formatted(upstream, l.getValue().stream()
                                .map(p -> "    server 127.0.0.1:" + p + " max_fails=1 fail_timeout=3s;")
                                .collect(Collectors.joining("\n")), l.getKey(), upstream));
            }
            Path conf = work.resolve("nginx.conf");
            Files.writeString(conf, """
                    worker_processes 1;
                    pid %s;
                    error_log %s warn;
                    events { worker_connections 2048; }
                    http {
                      access_log off;
                      client_max_body_size 16m;
                      client_body_temp_path %s;
                      proxy_temp_path %s;
                      fastcgi_temp_path %s;
                      uwsgi_temp_path %s;
                      scgi_temp_path %s;
                    %s}
                    """.formatted(work.resolve("nginx.pid"), work.resolve("logs/error.log"), work.resolve("tmp/body"),
                    work.resolve("tmp/proxy"), work.resolve("tmp/fastcgi"), work.resolve("tmp/uwsgi"),
                    work.resolve("tmp/scgi"), servers));
            return conf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> command(Path work, Path conf) {
        return List.of("nginx", "-p", work.toString(), "-c", conf.toString(), "-e", work.resolve("logs/error.log")
                .toString(), "-g", "daemon off;");
    }
}
