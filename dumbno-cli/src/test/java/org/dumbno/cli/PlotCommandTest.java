package org.dumbno.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PlotCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = DumbnoCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path statsLog(String text) throws IOException {
        return Files.writeString(dir.resolve("stats.log"), text);
    }

    @Test
    void drawsThePngAtTheRequestedSize() throws IOException {
        Path log = statsLog("""
                total gigs: in=10 out=8 filtered=2
                mbps: in=900 out=890 filtered=10
                mbps: in=910 out=300 filtered=610
                """);
        Path png = dir.resolve("out.png");

        int code = run("plot", log.toString(), "-o", png.toString(), "--width", "640", "--height", "320",
                "--title", "sensor 1", "--interval", "10");

        assertEquals(ExitCodes.OK, code, err.toString());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(320, image.getHeight());
        assertEquals("wrote " + png + " (2 samples)", out.toString().strip());
    }

    @Test
    void failsWithOneLineWhenNothingIsPlottable() throws IOException {
        Path log = statsLog("total gigs: in=0 out=0 filtered=0\nsomething else\n");
        Path png = dir.resolve("out.png");

        int code = run("plot", log.toString(), "-o", png.toString());

        assertEquals(ExitCodes.FAILED, code);
        assertEquals("dumbno: " + log + ": no \"mbps:\" lines found", err.toString().strip());
        assertFalse(Files.exists(png));
    }

    @Test
    void failsWithOneLineWhenTheLogIsMissing() {
        Path missing = dir.resolve("missing.log");

        int code = run("plot", missing.toString(), "-o", dir.resolve("out.png").toString());

        assertEquals(ExitCodes.FAILED, code);
        assertEquals("dumbno: " + missing + ": cannot read: no such file", err.toString().strip());
    }

    @Test
    void refusesAnImpossibleSize() throws IOException {
        Path log = statsLog("mbps: in=1 out=1 filtered=0\n");

        int code = run("plot", log.toString(), "-o", dir.resolve("out.png").toString(), "--width", "0");

        assertEquals(ExitCodes.USAGE, code);
        assertEquals("dumbno: width (0) must be 1-20000", err.toString().strip());
    }

    @Test
    void refusesVerboseWithQuiet() throws IOException {
        Path log = statsLog("mbps: in=1 out=1 filtered=0\n");

        int code = run("plot", log.toString(), "--verbose", "--quiet");

        assertEquals(ExitCodes.USAGE, code);
        assertTrue(err.toString().startsWith("dumbno: --verbose and --quiet exclude each other"), err.toString());
    }
}
