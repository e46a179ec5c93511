package org.dumbno.eos;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import java.io.IOException;

/**
 * Decodes the results of one write call: the configuration commands' results, empty objects
 * nobody reads, are checked to be objects and passed over without a tree; the summaries that may
 * close the call (from {@code summariesFrom} on) are read whole.
 */
final class WriteDecoder implements Transport.ResultDecoder<AclSummary> {
    private final int summariesFrom;

    WriteDecoder(int summariesFrom) {
        this.summariesFrom = summariesFrom;
    }

    @Override
    public AclSummary decode(int index, JsonReader json) throws IOException {
        if (index >= summariesFrom) {
            return AclSummary.read(JsonParser.parseReader(json).getAsJsonObject());
        }
        json.beginObject();
        while (json.hasNext()) {
            json.nextName();
            json.skipValue();
        }
        json.endObject();
        return null;
    }

    @Override
    public AclSummary decode(int index, JsonObject result) {
        return index >= summariesFrom ? AclSummary.read(result) : null;
    }
}
