package org.certrevoke.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Command-line relying parties (openssl, GnuTLS's certtool and ocsptool, NSS's certutil, crlutil and
 * vfychain): independent implementations that share no code with the server.
 */
public final class CommandLine {

    private CommandLine() {
    }

    /** What a command printed (stdout and stderr together) and its exit code. */
    public record Result(int exitCode, String output) {
    }

    public static Result run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("did not finish: " + command);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Result run(String... command) {
        return run(List.of(command));
    }

    /** Writes a DER certificate as a PEM file and returns its path. */
    public static Path pem(Path directory, String name, byte[] der) {
        return pem(directory, name, "CERTIFICATE", der);
    }

    /** Writes DER as a PEM file with this label ({@code X509 CRL}, say) and returns its path. */
    public static Path pem(Path directory, String name, String label, byte[] der) {
        String pem = "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
        try {
            return Files.writeString(directory.resolve(name), pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path der(Path directory, String name, byte[] der) {
        try {
            return Files.write(directory.resolve(name), der);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
