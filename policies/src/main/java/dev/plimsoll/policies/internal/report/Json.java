package dev.plimsoll.policies.internal.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;

/** The one JSON layout of the JSON and SARIF reports: 2-space indentation, {@code "key": value}, LF, final newline. */
final class Json {

    private static final ObjectWriter WRITER = JsonMapper.builder(JsonFactory.builder()
                    // The caller owns the writer; Jackson would close it after the document otherwise.
                    .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                    .build())
            .build()
            .writer(printer());

    private Json() {}

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static void write(JsonNode document, Writer out) throws IOException {
        WRITER.writeValue(out, document);
        out.write('\n');
        out.flush();
    }

    private static DefaultPrettyPrinter printer() {
        // Jackson's default indenter uses the platform line separator, and its default separators write "key" : value
        // and [ ]; spell out the layout so the bytes are the same on every machine.
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }
}
