package org.dumbno.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release as an operator gets it: the .deb unpacked with {@code dpkg-deb -x} and the tarball
 * with {@code tar}, each into a root of its own, and run from there with no Maven on the
 * {@code PATH}: {@code --version}, {@code serve} on a simulated switch, {@code add}, {@code list}.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ReleaseIT {
    private static final String VERSION = System.getProperty("dumbno.version");
    private static final Path DEB = Path.of(System.getProperty("dumbno.deb"));
    private static final Path TARBALL = Path.of(System.getProperty("dumbno.tarball"));

    @TempDir
    Path dir;

    @Test
    void debianPackageRunsFromAnUnpackedTree() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        exec("dpkg-deb", "-x", DEB.toString(), root.toString());

        assertTrue(Files.isRegularFile(root.resolve("etc/dumbno/dumbno.cfg")));
        assertTrue(Files.isRegularFile(root.resolve("lib/systemd/system/dumbno.service")));
        assertTrue(Files.isRegularFile(root.resolve("usr/lib/sysusers.d/dumbno.conf")));
        assertTrue(Files.isRegularFile(root.resolve("usr/share/doc/dumbno/copyright")));
        assertTrue(Files.isRegularFile(root.resolve("usr/share/bash-completion/completions/dumbno")));
        assertTrue(Files.isRegularFile(root.resolve("usr/share/man/man1/dumbno-serve.1.gz")));
        assertTrue(Files.isRegularFile(root.resolve("usr/share/dumbno/zeek/scripts/__load__.zeek")));
        String control = exec("dpkg-deb", "--field", DEB.toString(), "Depends", "Architecture");
        assertTrue(control.contains("java17-runtime-headless"), control);
        assertTrue(control.contains("Architecture: all"), control);
        assertTrue(exec("dpkg-deb", "--info", DEB.toString(), "conffiles").contains("/etc/dumbno/dumbno.cfg"));
        assertTrue(exec("dpkg-deb", "--contents", DEB.toString()).lines()
                .anyMatch(line -> line.startsWith("-rw-r----- root/root") && line.endsWith("./etc/dumbno/dumbno.cfg")));

        exercise(InstalledTree.at(root, "usr/bin/dumbno", dir), root.resolve("var/cache/dumbno"));
    }

    @Test
    void unitRunsThePackagedLayoutHardened() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        exec("dpkg-deb", "-x", DEB.toString(), root.toString());
        Path unit = root.resolve("lib/systemd/system/dumbno.service");
        List<String> lines = Files.readAllLines(unit);

        String[] command = value(lines, "ExecStart").split(" ");
        assertTrue(Files.isExecutable(root.resolve(command[0].substring(1))), "ExecStart " + command[0]);
        assertEquals("serve", command[1]);
        assertTrue(Files.isRegularFile(root.resolve(command[2].substring(1))), "the configuration " + command[2]);
        String sysusers = Files.readString(root.resolve("usr/lib/sysusers.d/dumbno.conf"));
        assertTrue(sysusers.contains("\nu " + value(lines, "User") + " "), "the unit's user is the one the package creates");
        assertEquals(value(lines, "User"), value(lines, "Group"));
        // Exit status 1 when the overall exposure is above 2.0.
        String security = exec("systemd-analyze", "security", "--offline=true", "--threshold=20", "--no-pager", unit.toString());
        assertTrue(security.contains("Overall exposure level for dumbno.service: 1."), security);
    }

    private static String value(List<String> unit, String key) {
        return unit.stream().filter(line -> line.startsWith(key + "=")).map(line -> line.substring(key.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("the unit has no " + key));
    }

    @Test
    void tarballRunsWhereItIsUnpacked() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        exec("tar", "-xzf", TARBALL.toString(), "-C", root.toString());
        Path top = root.resolve("dumbno-" + VERSION);

        for (String file : List.of("LICENSE", "README.md", "completion/dumbno", "examples/simulated.cfg",
                "examples/dumbno.service", "zeek/scripts/__load__.zeek", "man/man1/dumbno.1.gz",
                "man/man1/dumbno-add.1.gz")) {
            assertTrue(Files.isRegularFile(top.resolve(file)), file);
        }

        exercise(InstalledTree.at(top, "bin/dumbno", dir), top.resolve("cache"));
    }

    private void exercise(InstalledTree tree, Path cache) throws Exception {
        tree.run("--version").assertOk("dumbno " + VERSION);
        assertEquals(0, archives(cache), "--version loads too few classes to archive for add");

        InstalledTree.Config config = InstalledTree.simulatedConfig(dir);
        Process serve = tree.serve(config.file());
        try {
            tree.run("add", "--server", "127.0.0.1:" + config.udpPort(),
                    "--src", "10.1.2.3", "--dst", "192.0.2.9", "--proto", "tcp", "--dport", "443").assertOk("ok");
            assertEquals(1, archives(cache), "the first add leaves one class-data archive in " + cache);
            InstalledTree.Result list = tree.run("list", config.file().toString());
            assertEquals(0, list.status(), list.err());
            assertEquals(2, list.out().lines().filter(line -> line.contains("tcp host 10.1.2.3 host 192.0.2.9 eq https")).count(),
                    list.out());
        } finally {
            serve.destroy();
            assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "serve stops on SIGTERM");
        }
        assertEquals(0, serve.exitValue(), "serve's exit status after SIGTERM");
    }

    private static long archives(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jsa")).count();
        }
    }

    private static String exec(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ":\n" + out);
        return out;
    }
}
