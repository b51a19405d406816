package dev.nemo.sdk.internal.workflow;

import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.upload.UploadOptions;
import java.util.Map;

/**
 * Lays a workflow's {@link RequestOptions} under those of each call it makes: what a call's own
 * options set (its chat, export or polling options) wins, and everything else comes from the
 * workflow's. Extra headers add up; on the same name (in any case) the call's own value wins.
 */
final class RequestLayers {
    private RequestLayers() {
    }

    /**
     * {@return {@code own} with the gaps filled from {@code workflow}}
     *
     * @param workflow the options the user gave the workflow
     * @param own      the options of one call
     */
    static RequestOptions under(RequestOptions workflow, RequestOptions own) {
        if (workflow.equals(RequestOptions.none())) {
            return own;
        }
        RequestOptions.Builder b = RequestOptions.builder();
        own.timeout().or(workflow::timeout).ifPresent(b::timeout);
        own.attemptTimeout().or(workflow::attemptTimeout).ifPresent(b::attemptTimeout);
        own.retryPolicy().or(workflow::retryPolicy).ifPresent(b::retryPolicy);
        workflow.headers().forEach((name, value) -> {
            if (!has(own.headers(), name)) {
                b.header(name, value);
            }
        });
        return b.headers(own.headers()).build();
    }

    /**
     * {@return the chat options with the workflow's request options under their own}
     *
     * @param workflow the workflow's request options
     * @param chat     the chat options
     */
    static ChatOptions chat(RequestOptions workflow, ChatOptions chat) {
        return chat.toBuilder().request(under(workflow, chat.request())).build();
    }

    /**
     * {@return the export options with the workflow's request options under those of the submission and of the polls}
     *
     * @param workflow the workflow's request options
     * @param export   the export options
     */
    static ExportOptions export(RequestOptions workflow, ExportOptions export) {
        return export.toBuilder().request(under(workflow, export.request()))
                .polling(export.polling().toBuilder().request(under(workflow, export.polling().request())).build())
                .build();
    }

    /**
     * {@return the default upload options carrying the workflow's request options}
     *
     * @param workflow the workflow's request options
     */
    static UploadOptions upload(RequestOptions workflow) {
        return UploadOptions.defaults().toBuilder().request(workflow).build();
    }

    private static boolean has(Map<String, String> headers, String name) {
        return headers.keySet().stream().anyMatch(name::equalsIgnoreCase);
    }
}
