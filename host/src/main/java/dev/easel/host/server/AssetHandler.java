package dev.easel.host.server;

import dev.easel.host.session.Role;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves a session's images over plain HTTP GET, by content hash, to holders of one of its invite secrets;
 * anyone else gets 403. Joiners cache what they fetch by hash, so each image crosses the network once.
 */
final class AssetHandler extends Handler.Abstract {
    private static final Pattern PATH = Pattern.compile("/session/([A-Za-z0-9_-]{1,64})/asset/([0-9a-f]{64})");

    private final Map<String, HostedSession> sessions;

    AssetHandler(Map<String, HostedSession> sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Matcher m = PATH.matcher(Request.getPathInContext(request));
        if (!m.matches() || !"GET".equals(request.getMethod())) {
            Response.writeError(request, response, callback, 404);
            return true;
        }
        HostedSession s = sessions.get(m.group(1));
        Role role = s == null ? null : s.secrets().roleFor(Request.extractQueryParameters(request).getValue("k"));
        if (role == null) {
            Response.writeError(request, response, callback, 403, "not a member of this session");
            return true;
        }
        Optional<AssetSource.Asset> asset = s.assets().find(m.group(2));
        if (asset.isEmpty()) {
            Response.writeError(request, response, callback, 404, "no such image in this document");
            return true;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, asset.get().mimeType());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "private, max-age=31536000, immutable");
        response.write(true, ByteBuffer.wrap(asset.get().bytes()), callback);
        return true;
    }
}
