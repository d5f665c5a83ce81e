package dev.plimsoll.cli;

import java.io.InputStream;
import java.nio.file.Path;

/** What a command needs from the process: where it runs and its standard input. */
record Environment(Path workingDirectory, InputStream in) {

    Path resolve(String path) {
        return workingDirectory.resolve(path).normalize();
    }
}
