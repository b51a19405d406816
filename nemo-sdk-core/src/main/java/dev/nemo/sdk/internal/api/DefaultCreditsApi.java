package dev.nemo.sdk.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.credits.Credits;
import dev.nemo.sdk.credits.CreditsApi;
import dev.nemo.sdk.error.DecodeException;
import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.internal.http.ApiRequest;
import dev.nemo.sdk.internal.http.HttpPipeline;
import dev.nemo.sdk.internal.json.JsonNodes;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/** {@code GET /api/credits/balance/simple}. */
public final class DefaultCreditsApi implements CreditsApi {
    /** The endpoint. */
    public static final String PATH = "/api/credits/balance/simple";

    private final HttpPipeline transport;

    /** @param transport the transport */
    public DefaultCreditsApi(HttpPipeline transport) {
        this.transport = transport;
    }

    @Override
    public Credits balance(RequestOptions options) {
        return transport.send(ApiRequest.get(PATH).withOptions(options), DefaultCreditsApi::decode);
    }

    @Override
    public CompletableFuture<Credits> balanceAsync(RequestOptions options) {
        return transport.sendAsync(ApiRequest.get(PATH).withOptions(options), DefaultCreditsApi::decode);
    }

    static Credits decode(JsonNode data) {
        if (data == null || !data.isObject()) {
            throw new DecodeException(
                    "The credits response has no data object",
                    ErrorDetails.request("GET", PATH).withStatus(200),
                    null);
        }
        long available = JsonNodes.longValue(data, "available").orElse(0);
        long frozen = JsonNodes.longValue(data, "frozen").orElse(0);
        OptionalLong total = JsonNodes.longValue(data, "total");
        return new Credits(available, frozen, total.orElse(Math.max(0, available) + Math.max(0, frozen)));
    }
}
