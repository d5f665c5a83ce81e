package dev.plimsoll.cli;

import dev.plimsoll.policies.report.Format;
import java.util.Arrays;
import java.util.Iterator;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a report format by its lower-case id. */
final class FormatConverter implements ITypeConverter<Format> {

    @Override
    public Format convert(String value) {
        for (Format format : Format.values()) {
            if (format.id().equalsIgnoreCase(value)) {
                return format;
            }
        }
        throw new TypeConversionException("'" + value + "' is not a format (expected one of: " + ids() + ")");
    }

    static String ids() {
        return Arrays.stream(Format.values()).map(Format::id).collect(Collectors.joining(", "));
    }

    /** The format ids, for help and shell completion. */
    static final class Candidates implements Iterable<String> {

        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Format.values()).map(Format::id).iterator();
        }
    }
}
