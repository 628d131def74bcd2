package org.certrevoke.load;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The loader from the command line:
 * {@code mvn -B -ntp -pl load exec:java -Dexec.args="--url=jdbc:postgresql://127.0.0.1:5432/load --certificates=1000000"}.
 * Options (defaults in brackets): {@code --url} [jdbc:postgresql://127.0.0.1:5432/test], {@code --user}
 * [postgres], {@code --password} [none], {@code --certificates} [1000000], {@code --holders} [200000],
 * {@code --organisations} [20000], {@code --revoked} [0.05], {@code --expired} [0.03], {@code --largest}
 * [100000], {@code --prefix} [LOAD], {@code --seed} [15], {@code --samples} [10000], {@code --ca} [every
 * registered CA; aliases separated by commas], {@code --out} [load/target/load-data, where the load tests read them]. The ID-number lookup key
 * is the server's {@code certrevoke.secrets.lookup-key}, read from the system property of that name or the
 * environment variable {@code CERTREVOKE_SECRETS_LOOKUP_KEY}. The database must have been migrated by the
 * application (start it once on it), and holds one transaction's worth of rows when this ends.
 */
public final class DataLoad {

    private DataLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value: " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Shape defaults = Shape.DEFAULT;
        Shape shape = new Shape(integer(options, "certificates", defaults.certificates()),
                integer(options, "holders", defaults.holders()),
                integer(options, "organisations", defaults.organisations()),
                Double.parseDouble(options.getOrDefault("revoked", Double.toString(defaults.revokedShare()))),
                Double.parseDouble(options.getOrDefault("expired", Double.toString(defaults.expiredShare()))),
                integer(options, "largest", defaults.largestOrganisation()),
                options.getOrDefault("prefix", defaults.prefix()),
                Long.parseLong(options.getOrDefault("seed", Long.toString(defaults.seed()))),
                integer(options, "samples", defaults.samples()));
        List<String> authorities = options.containsKey("ca")
                ? Arrays.asList(options.get("ca").split(",")) : List.of();
        Path out = Path.of(options.getOrDefault("out", System.getProperty("load.out", "target/load-data")));
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(
                options.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/test"),
                options.getOrDefault("user", "postgres"), options.getOrDefault("password", ""))) {
            connection.setAutoCommit(false);
            LoadedSet set = new DataLoader(connection, lookupKey()).load(shape, authorities);
            connection.commit();
            SampleCredentials.write(set, out);
            System.out.printf(Locale.ROOT, "loaded %,d organisations, %,d holders, %,d certificates (%,d revoked,"
                    + " %,d expired) in %d s; credentials in %s%n", set.organisations(), set.holders(),
                    set.certificates(), set.revoked(), set.expired(),
                    Duration.ofNanos(System.nanoTime() - start).toSeconds(), out.toAbsolutePath());
        }
    }

    private static int integer(Map<String, String> options, String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)).replace("_", ""));
    }

    private static byte[] lookupKey() {
        String key = System.getProperty("certrevoke.secrets.lookup-key", System.getenv("CERTREVOKE_SECRETS_LOOKUP_KEY"));
        if (key == null) {
            throw new IllegalStateException("set certrevoke.secrets.lookup-key (or CERTREVOKE_SECRETS_LOOKUP_KEY)"
                    + " to the server's key: the ID-number lookups are made with it");
        }
        return Base64.getDecoder().decode(key.strip());
    }
}
