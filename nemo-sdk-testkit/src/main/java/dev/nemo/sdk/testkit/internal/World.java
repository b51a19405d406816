package dev.nemo.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.testkit.EmulatorAccount;
import dev.nemo.sdk.testkit.EmulatorOptions;
import dev.nemo.sdk.testkit.EmulatorRender;
import dev.nemo.sdk.testkit.EmulatorSession;
import dev.nemo.sdk.testkit.SourceMedia;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The emulator's in-memory world: accounts, tokens, sessions with their state and media, renders,
 * and the files the CDN port serves. One lock guards it; no I/O happens under the lock.
 */
public final class World {
    private final ReentrantLock lock = new ReentrantLock();
    private final EmulatorOptions options;
    private final Clock clock;
    private final Ids ids;
    private final Map<String, Account> accountsByUser = new LinkedHashMap<>();
    private final Map<String, Account> anonymousByClient = new HashMap<>();
    private final Map<String, TokenRecord> tokens = new HashMap<>();
    private final Map<String, SessionRecord> sessions = new LinkedHashMap<>();
    private final Map<String, RenderRecord> renders = new LinkedHashMap<>();
    private final Map<String, CdnObject> cdn = new HashMap<>();
    private final Map<String, byte[]> remote = new HashMap<>();
    private volatile String cdnBase = "http://127.0.0.1";
    private int registeredUsers;
    private int mediaCount;

    /**
     * A file served by the CDN port.
     *
     * @param bytes    content
     * @param mimeType type
     */
    public record CdnObject(byte[] bytes, String mimeType) {}

    /**
     * The outcome of an anonymous-token request.
     *
     * @param token      the issued token, or {@code null} when rate limited
     * @param userId     the account
     * @param expiresAt  expiry
     * @param credits    available credits
     * @param retryAfter how long until a new token is allowed, when rate limited
     */
    public record TokenGrant(String token, String userId, Instant expiresAt, long credits, Duration retryAfter) {}

    /**
     * @param options the emulator options
     */
    public World(EmulatorOptions options) {
        this.options = options;
        this.clock = options.clock();
        this.ids = new Ids(options.seed());
        options.staticTokens().forEach((token, credits) -> {
            registeredUsers++;
            Account a = new Account("user_" + registeredUsers, null, false, credits);
            accountsByUser.put(a.userId, a);
            tokens.put(token, new TokenRecord(token, a, null));
        });
    }

    /** @return the options */
    public EmulatorOptions options() {
        return options;
    }

    /** @return the clock */
    public Clock clock() {
        return clock;
    }

    /** @return the id source */
    public Ids ids() {
        return ids;
    }

    /** @param base the CDN server's base URL, known once it is bound */
    public void cdnBase(String base) {
        this.cdnBase = base;
    }

    /**
     * @param body work to do under the lock (no I/O)
     * @param <T>  result type
     * @return its result
     */
    public <T> T locked(Supplier<T> body) {
        lock.lock();
        try {
            return body.get();
        } finally {
            lock.unlock();
        }
    }

    // ---- tokens and accounts ----

    /**
     * Issues an anonymous token for a client id, creating its account on first use. A client that
     * already holds {@code tokensPerClient} live tokens is refused until the oldest expires.
     *
     * @param clientId the {@code X-Client-Id}
     * @return the grant, or the wait when rate limited
     */
    public TokenGrant issueAnonymousToken(String clientId) {
        return locked(() -> {
            Instant now = clock.instant();
            Account account = anonymousByClient.get(clientId);
            if (account == null) {
                account = new Account("anon_" + ids.hex(12), clientId, true, options.anonymousCredits());
                anonymousByClient.put(clientId, account);
                accountsByUser.put(account.userId, account);
            }
            Instant oldestLiveExpiry = null;
            int live = 0;
            for (TokenRecord t : tokens.values()) {
                if (t.account == account && t.liveAt(now)) {
                    live++;
                    if (oldestLiveExpiry == null || t.expiresAt.isBefore(oldestLiveExpiry)) {
                        oldestLiveExpiry = t.expiresAt;
                    }
                }
            }
            if (live >= options.tokensPerClient()) {
                Duration wait = Duration.between(now, oldestLiveExpiry);
                return new TokenGrant(
                        null, account.userId, null, account.available, wait.isNegative() ? Duration.ZERO : wait);
            }
            String value = "nmv_usr_" + options.tokenTag() + ids.urlSafe(40);
            Instant expires = now.plus(options.tokenLifetime());
            tokens.put(value, new TokenRecord(value, account, expires));
            return new TokenGrant(value, account.userId, expires, account.available, null);
        });
    }

    /**
     * @param token a bearer token
     * @return its record when it is known, not revoked and not expired
     */
    TokenRecord authenticate(String token) {
        return locked(() -> {
            TokenRecord t = tokens.get(token);
            return t != null && t.liveAt(clock.instant()) ? t : null;
        });
    }

    /** @param token a token to revoke (unknown tokens are ignored) */
    public void revoke(String token) {
        locked(() -> {
            TokenRecord t = tokens.get(token);
            if (t != null) {
                t.revoked = true;
            }
            return null;
        });
    }

    /**
     * Reserves credits for work in progress.
     *
     * @param account the payer
     * @param cost    credits
     * @return whether enough were available
     */
    boolean reserve(Account account, long cost) {
        return locked(() -> {
            if (account.available < cost) {
                return false;
            }
            account.available -= cost;
            account.frozen += cost;
            return true;
        });
    }

    /**
     * Consumes reserved credits once the work is done.
     *
     * @param account the payer
     * @param cost    the reservation
     */
    void settle(Account account, long cost) {
        locked(() -> {
            account.frozen -= cost;
            return null;
        });
    }

    /**
     * @param userId  the account
     * @param credits new available credits
     * @return whether the account exists
     */
    public boolean setCredits(String userId, long credits) {
        return locked(() -> {
            Account a = accountsByUser.get(userId);
            if (a == null) {
                return false;
            }
            a.available = credits;
            return true;
        });
    }

    /** @return snapshots of all accounts, in creation order */
    public List<EmulatorAccount> accounts() {
        return locked(() -> {
            List<EmulatorAccount> out = new ArrayList<>();
            accountsByUser.values().forEach(a -> out.add(a.snapshot()));
            return out;
        });
    }

    // ---- sessions ----

    SessionRecord createSession(Account owner, String taskName, String language) {
        return locked(() -> {
            SessionRecord s = new SessionRecord(ids.snowflake(), "task_" + ids.hex(16), taskName, language, owner);
            sessions.put(s.sessionId, s);
            return s;
        });
    }

    /**
     * @param owner     the caller
     * @param sessionId a session id
     * @return the session when it exists and belongs to the caller
     */
    SessionRecord session(Account owner, String sessionId) {
        return locked(() -> {
            SessionRecord s = sessions.get(sessionId);
            return s != null && s.owner == owner ? s : null;
        });
    }

    /** @return snapshots of all sessions, in creation order */
    public List<EmulatorSession> sessions() {
        return locked(() -> {
            List<EmulatorSession> out = new ArrayList<>();
            sessions.values().forEach(s -> out.add(s.snapshot()));
            return out;
        });
    }

    /**
     * @param sessionId a session id
     * @return its snapshot
     */
    public Optional<EmulatorSession> session(String sessionId) {
        return locked(() -> Optional.ofNullable(sessions.get(sessionId)).map(SessionRecord::snapshot));
    }

    /**
     * Replaces a session's draft (test setup).
     *
     * @param sessionId the session
     * @param draft     the new draft (copied)
     * @return whether the session exists
     */
    public boolean putDraft(String sessionId, JsonNode draft) {
        return locked(() -> {
            SessionRecord s = sessions.get(sessionId);
            if (s == null) {
                return false;
            }
            s.state.set("draft", draft.deepCopy());
            return true;
        });
    }

    /**
     * @param session the caller's session
     * @param taskId  the task id the caller named
     * @return a claim token, the same for every call on that session; {@code null} when the task id
     *         is not the session's
     */
    String claimToken(SessionRecord session, String taskId) {
        return locked(() -> {
            if (!session.taskId.equals(taskId)) {
                return null;
            }
            if (session.claimToken == null) {
                session.claimToken = "clm_" + ids.urlSafe(32);
            }
            return session.claimToken;
        });
    }

    // ---- media ----

    /**
     * A file about to be added to a session.
     *
     * @param filename the name
     * @param info     what the probe read
     * @param bytes    the content
     */
    record PendingFile(String filename, MediaInfo info, byte[] bytes) {

        /** @return the file as a renderer sees it, before it has a URL (the URL is empty) */
        SourceMedia toSource() {
            return new SourceMedia(
                    "", filename, info.kind().mimeType(), bytes, info.width(), info.height(), info.duration());
        }
    }

    /**
     * Adds uploaded files to a session: stores them on the CDN, appends {@code video_infos} and puts
     * them on the draft's timeline.
     *
     * @param session the session
     * @param files   the files
     * @return the upload response's {@code files} entries
     */
    ArrayNode addMedia(SessionRecord session, List<PendingFile> files) {
        List<byte[]> hashes = new ArrayList<>();
        for (PendingFile f : files) {
            hashes.add(sha256(f.bytes()));
        }
        return locked(() -> {
            ArrayNode out = EmulatorJson.array();
            for (int i = 0; i < files.size(); i++) {
                PendingFile f = files.get(i);
                mediaCount++;
                String id = "media_" + mediaCount;
                String path = "/media/" + session.sessionId + "/" + id + "/"
                        + URLEncoder.encode(f.filename(), StandardCharsets.UTF_8)
                                .replace("+", "%20");
                String url = cdnBase + path;
                String hash = hex(hashes.get(i)).substring(0, 32);
                MediaAsset asset = new MediaAsset(id, f.filename(), f.info(), f.bytes(), url, hash);
                session.media.add(asset);
                cdn.put(path, new CdnObject(f.bytes(), f.info().kind().mimeType()));
                ObjectNode file = fileJson(asset);
                out.add(file);
                ObjectNode info = file.deepCopy();
                info.put("id", id);
                info.put("url", url);
                ((ArrayNode) session.state.get("video_infos")).add(info);
                DraftEditor editor = new DraftEditor(session.draft(), session.canvas());
                editor.addMedia(id, f.filename(), url, f.info(), session.taskName);
                session.draft(editor.draft());
            }
            return out;
        });
    }

    private static ObjectNode fileJson(MediaAsset a) {
        ObjectNode file = EmulatorJson.object();
        MediaInfo info = a.info;
        file.put("filename", a.filename);
        file.put("file_type", info.kind().fileType());
        file.put("mime_type", info.kind().mimeType());
        file.put("format", info.kind().extension());
        file.put("cdn_url", a.cdnUrl);
        if (info.duration() != null) {
            file.put("duration", info.duration());
        }
        if (info.width() != null) {
            file.put("width", info.width());
        }
        if (info.height() != null) {
            file.put("height", info.height());
        }
        if (info.fps() != null) {
            file.put("fps", info.fps());
        }
        if (info.frames() != null) {
            file.put("frames", info.frames());
        }
        file.put("size", a.bytes.length);
        file.put("hash", a.hash);
        return file;
    }

    /**
     * @param url a URL to "download" for the JSON upload form
     * @return its bytes when it is registered or served by this emulator's CDN
     */
    byte[] fetch(String url) {
        return locked(() -> {
            byte[] b = remote.get(url);
            if (b != null) {
                return b;
            }
            if (url.startsWith(cdnBase + "/")) {
                CdnObject o = cdn.get(url.substring(cdnBase.length()));
                return o == null ? null : o.bytes();
            }
            return null;
        });
    }

    /**
     * @param url   a URL the JSON upload form may name
     * @param bytes what downloading it gives
     */
    public void registerRemote(String url, byte[] bytes) {
        locked(() -> remote.put(url, bytes.clone()));
    }

    /**
     * @param path a CDN path
     * @return the file, if any
     */
    public CdnObject cdnObject(String path) {
        return locked(() -> cdn.get(path));
    }

    // ---- renders ----

    /**
     * @param id a render id
     * @return whether the id is taken (by anyone)
     */
    boolean renderExists(String id) {
        return locked(() -> renders.containsKey(id));
    }

    /**
     * @param render a new render
     * @return false when the id was taken meanwhile
     */
    boolean addRender(RenderRecord render) {
        return locked(() -> renders.putIfAbsent(render.id, render) == null);
    }

    /**
     * @param owner the caller
     * @param id    a render id
     * @return the render when it exists and belongs to the caller
     */
    RenderRecord render(Account owner, String id) {
        return locked(() -> {
            RenderRecord r = renders.get(id);
            return r != null && r.owner == owner ? r : null;
        });
    }

    /**
     * @param render a completed render
     * @param path   its CDN path
     * @param object its file
     */
    void publish(RenderRecord render, String path, CdnObject object) {
        locked(() -> {
            cdn.put(path, object);
            render.outputUrl = cdnBase + path;
            return null;
        });
    }

    /** @return snapshots of all renders, in submission order */
    public List<EmulatorRender> renders() {
        return locked(() -> {
            List<EmulatorRender> out = new ArrayList<>();
            renders.values().forEach(r -> out.add(r.snapshot()));
            return out;
        });
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder(b.length * 2);
        for (byte x : b) {
            s.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        return s.toString();
    }
}
