package org.certrevoke.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The openssl command line, as an independent relying party that shares no code with the server. */
public final class OpenSsl {

    private OpenSsl() {
    }

    public static CommandLine.Result run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        return CommandLine.run(command);
    }

    /** Writes a DER certificate as a PEM file and returns its path. */
    public static Path pem(Path directory, String name, byte[] der) {
        return CommandLine.pem(directory, name, der);
    }
}
