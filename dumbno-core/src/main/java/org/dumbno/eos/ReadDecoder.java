package org.dumbno.eos;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.util.List;
import org.dumbno.acl.AclKey;

/**
 * Decodes the results of one read: the shows of the managed lists (streamed, as they may be
 * large) and then the two summaries (small, parsed whole).
 */
final class ReadDecoder implements Transport.ResultDecoder<Object> {
    private final int lists;
    private final Transport.ResultDecoder<AclReader.AclState> aclDecoder;

    ReadDecoder(List<AclKey> acls, Transport.ResultDecoder<AclReader.AclState> aclDecoder) {
        this.lists = acls.size();
        this.aclDecoder = aclDecoder;
    }

    @Override
    public Object decode(int index, JsonReader json) throws IOException {
        if (index < lists) {
            return aclDecoder.decode(index, json);
        }
        return AclSummary.read(JsonParser.parseReader(json).getAsJsonObject());
    }

    @Override
    public Object decode(int index, JsonObject result) {
        return index < lists ? aclDecoder.decode(index, result) : AclSummary.read(result);
    }
}
