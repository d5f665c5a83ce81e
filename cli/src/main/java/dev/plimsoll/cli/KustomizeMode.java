package dev.plimsoll.cli;

import dev.plimsoll.policies.kustomize.KustomizeRenderer;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/** {@code --kustomize embedded|external}: who builds Kustomize trees the embedded renderer does not support. */
enum KustomizeMode {
    /** The embedded renderer only; unsupported trees are reported. */
    EMBEDDED(KustomizeRenderer.External.NEVER),
    /** Unsupported trees are built by kustomize or kubectl from the PATH. */
    EXTERNAL(KustomizeRenderer.External.ALLOWED);

    final KustomizeRenderer.External external;

    KustomizeMode(KustomizeRenderer.External external) {
        this.external = external;
    }

    /** Parses the lower-case names, with a short message listing them otherwise. */
    static final class Converter implements CommandLine.ITypeConverter<KustomizeMode> {
        @Override
        public KustomizeMode convert(String value) {
            for (KustomizeMode mode : values()) {
                if (mode.name().toLowerCase(Locale.ROOT).equals(value)) {
                    return mode;
                }
            }
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a Kustomize mode (expected embedded or external)");
        }
    }

    /** The names, for help and completion. */
    static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("embedded", "external").iterator();
        }
    }
}
