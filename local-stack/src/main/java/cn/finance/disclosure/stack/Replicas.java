package cn.finance.disclosure.stack;

import java.util.Map;

/**
 * How many instances of each service and of the gateway the stack runs. One (the default) is the stack as before.
 * With more, every instance gets its own port and nginx (Debian package nginx-light) listens on the usual ports in
 * front of them: the public gateway port balances over the gateway nodes, and each service's port over its instances
 * (the gateway nodes reach the services through it). Redis (Debian package redis-server) holds the anonymous rate
 * limit the gateway nodes share.
 *
 * @param count      instances of each service and of the gateway ({@code STACK_REPLICAS}, default 1)
 * @param portOffset instance {@code k} (1, 2, ...) listens on the usual port plus {@code k * portOffset}
 *                   ({@code STACK_REPLICA_PORT_OFFSET}, default 1000); 0 picks free ports (tests)
 * @param redisPort  Redis' port when {@code count > 1} ({@code STACK_REDIS_PORT}, default 6380, beside a system
 *                   Redis on 6379; 0 picks a free port)
 * @param gatewayEnvironment extra environment of the gateway nodes (tests lower the public rate limit with it)
 */
public record Replicas(int count, int portOffset, int redisPort, Map<String, String> gatewayEnvironment) {

    public static final Replicas ONE = new Replicas(1, 1000, 6380, Map.of());

    public Replicas {
        if (count < 1 || count > 9) {
            throw new IllegalArgumentException("STACK_REPLICAS must be 1 to 9, not " + count);
        }
        gatewayEnvironment = Map.copyOf(gatewayEnvironment);
    }

    public static Replicas fromEnvironment(Map<String, String> env) {
        return new Replicas(number(env, "STACK_REPLICAS", 1), number(env, "STACK_REPLICA_PORT_OFFSET", 1000),
                number(env, "STACK_REDIS_PORT", 6380), Map.of());
    }

    /** {@code count} instances on free ports, for tests beside other stacks. */
    public static Replicas forTests(int count, Map<String, String> gatewayEnvironment) {
        return new Replicas(count, 0, 0, gatewayEnvironment);
    }

    public boolean replicated() {
        return count > 1;
    }

    /** The process name of instance {@code k} (1-based): the first keeps the service's own name. */
    public static String instance(String name, int k) {
        return k == 1 ? name : name + "-" + k;
    }

    int instancePort(int usualPort, int k) {
        return portOffset == 0 ? FreePorts.next() : usualPort + k * portOffset;
    }

    int effectiveRedisPort() {
        return redisPort == 0 ? FreePorts.next() : redisPort;
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
