package org.dumbno.eos.eapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/** What came back over HTTP, read in full so the connection can go back to the pool. */
record HttpReply(int status, String reason, String body) {

    static HttpReply of(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        try {
            String body = entity == null ? "" : EntityUtils.toString(entity, StandardCharsets.UTF_8);
            String reason = response.getReasonPhrase() == null ? "" : response.getReasonPhrase();
            return new HttpReply(response.getCode(), reason, body);
        } catch (ParseException e) {
            throw new IOException("unreadable HTTP reply: " + e.getMessage(), e);
        }
    }
}
