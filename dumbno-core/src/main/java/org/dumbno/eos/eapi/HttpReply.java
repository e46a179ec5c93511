package org.dumbno.eos.eapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;

/**
 * What came back over HTTP with a status other than 200: the body as far as it came, at most
 * the reply limit, of which the first {@link ReplyBody#HEAD} bytes are kept for the message; its
 * length is what was read, never what the headers claim.
 */
record HttpReply(int status, String reason, String body) {

    /** @throws BoundedContent.TooLarge the body is longer than {@code limit} bytes */
    static HttpReply of(ClassicHttpResponse response, long limit, Runnable abort) throws IOException {
        HttpEntity entity = response.getEntity();
        String body = "";
        if (entity != null) {
            BoundedContent content = new BoundedContent(entity.getContent(), limit, abort);
            body = new String(content.readWhatComes(ReplyBody.HEAD), StandardCharsets.UTF_8);
        }
        String reason = response.getReasonPhrase() == null ? "" : response.getReasonPhrase();
        return new HttpReply(response.getCode(), reason, body);
    }
}
