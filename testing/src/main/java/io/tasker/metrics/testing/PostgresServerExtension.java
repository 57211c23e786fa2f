package io.tasker.metrics.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Runs a real PostgreSQL server (Debian's {@code postgresql}: {@code initdb}, then {@code postgres}
 * in the foreground) on a free loopback port, its data directory and socket in a temporary
 * directory, for a test class. A user with a generated password owns it; {@link #newDatabase()}
 * gives each test a database of its own. PostgreSQL refuses to run as root, so as root both
 * programs run as the {@code postgres} user through {@code runuser}.
 *
 * <p>{@code @RegisterExtension static final PostgresServerExtension postgres = new PostgresServerExtension();}
 * then {@code postgres.jdbcUrl(postgres.newDatabase())}, {@code postgres.user()} and {@code postgres.password()}.
 * Creating a database needs PostgreSQL's JDBC driver on the test's class path.
 */
public final class PostgresServerExtension extends ServerExtension {
    /** Where Debian installs each major version's programs, which are not on {@code PATH} there. */
    private static final Path DEBIAN_VERSIONS = Path.of("/usr/lib/postgresql");

    private static final String USER = "tasker";
    private final String password = UUID.randomUUID().toString();
    private final AtomicInteger databases = new AtomicInteger();

    /** A server whose user {@code tasker} has a password of its own, generated. */
    public PostgresServerExtension() {
        super("postgresql");
    }

    /**
     * The directory of PostgreSQL's programs: the newest under {@code /usr/lib/postgresql}, else
     * the one holding {@code initdb} on {@code PATH}.
     *
     * @return the directory holding {@code initdb}, {@code postgres} and {@code pg_isready}
     * @throws Executables.MissingExecutableError naming Debian's {@code postgresql} package when none is installed
     */
    public static Path binDirectory() {
        return newestDebianVersion()
                .or(() -> Executables.find("initdb").map(PostgresServerExtension::realParent))
                .orElseThrow(() -> new Executables.MissingExecutableError(
                        DEBIAN_VERSIONS + "/<version>/bin/initdb", "postgresql"));
    }

    private static Optional<Path> newestDebianVersion() {
        if (!Files.isDirectory(DEBIAN_VERSIONS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_VERSIONS)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparing(PostgresServerExtension::majorVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int majorVersion(Path bin) {
        String name = bin.getParent().getFileName().toString();
        return name.matches("\\d+") ? Integer.parseInt(name) : 0;
    }

    private static Path realParent(Path initdb) {
        try {
            return initdb.toRealPath().getParent();
        } catch (IOException e) {
            return initdb.getParent();
        }
    }

    @Override
    protected List<String> launchCommand(int port, Path workDir) {
        Path bin = binDirectory();
        Path data = workDir.resolve("data");
        if (!Files.isDirectory(data)) {
            initdb(bin, workDir, data);
        }
        return asServerUser(List.of(
                bin.resolve("postgres").toString(),
                "-D",
                data.toString(),
                "-p",
                String.valueOf(port),
                "-h",
                "127.0.0.1",
                "-k",
                workDir.toString(),
                // A test server: durability is not what is tested, and fsync on a shared disk is slow.
                "-c",
                "fsync=off",
                "-c",
                "synchronous_commit=off",
                "-c",
                "full_page_writes=off"));
    }

    private void initdb(Path bin, Path workDir, Path data) {
        Path passwordFile = workDir.resolve("password");
        try {
            Files.writeString(passwordFile, password, StandardCharsets.UTF_8);
            if (root()) {
                chownToServerUser(workDir);
                chownToServerUser(passwordFile);
            }
            List<String> command = asServerUser(List.of(
                    bin.resolve("initdb").toString(),
                    "-D",
                    data.toString(),
                    "-U",
                    USER,
                    "--pwfile=" + passwordFile,
                    "--auth=scram-sha-256",
                    "-E",
                    "UTF8",
                    "--no-locale",
                    "--no-sync"));
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("initdb.log").toFile())
                    .start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new ServerStartException(
                        "initdb failed: " + String.join(" ", command) + "\n"
                                + Files.readString(workDir.resolve("initdb.log")),
                        true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot initialise a PostgreSQL data directory in " + workDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while initialising PostgreSQL", e);
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asServerUser(List<String> command) {
        if (!root()) {
            return command;
        }
        List<String> out = new ArrayList<>(
                List.of(Executables.require("runuser", "util-linux").toString(), "-u", "postgres", "--"));
        out.addAll(command);
        return out;
    }

    private static void chownToServerUser(Path path) throws IOException {
        UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(path, users.lookupPrincipalByName("postgres"));
    }

    @Override
    protected ReadinessProbe probe() {
        return (host, port) -> {
            try {
                Process p = new ProcessBuilder(
                                binDirectory().resolve("pg_isready").toString(),
                                "-h",
                                host,
                                "-p",
                                String.valueOf(port),
                                "-t",
                                "1")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }

    /**
     * What {@code postgres --version} says, e.g. {@code postgres (PostgreSQL) 15.14}.
     *
     * @return its first line
     */
    @Override
    public String version() {
        return Executables.firstLine(binDirectory().resolve("postgres").toString(), "--version");
    }

    /**
     * The server's {@code postgres} database, which every server has.
     *
     * @return {@code jdbc:postgresql://127.0.0.1:<port>/postgres}
     */
    @Override
    public String url() {
        return jdbcUrl("postgres");
    }

    /**
     * A JDBC URL of one of this server's databases.
     *
     * @param database the database's name
     * @return {@code jdbc:postgresql://127.0.0.1:<port>/<database>}
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /**
     * The user that owns the server.
     *
     * @return {@code tasker}
     */
    public String user() {
        return USER;
    }

    /**
     * The user's password, generated for this extension.
     *
     * @return the password
     */
    public String password() {
        return password;
    }

    /**
     * Creates an empty database, so that each test starts from nothing.
     *
     * @return its name
     * @throws IllegalStateException when the server refuses
     */
    public String newDatabase() {
        String name = "test_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url(), USER, password);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
            return name;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database " + name + ": " + e.getMessage(), e);
        }
    }
}
