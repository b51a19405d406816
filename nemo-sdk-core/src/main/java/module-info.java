/**
 * The NemoVideo SDK core: {@link dev.nemo.sdk.NemoClient} and the typed models of sessions,
 * drafts, chat events, uploads and exports.
 */
module dev.nemo.sdk {
    requires transitive java.net.http;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires static transitive org.jspecify;

    exports dev.nemo.sdk;
    exports dev.nemo.sdk.auth;
    exports dev.nemo.sdk.draft;
    exports dev.nemo.sdk.chat;
    exports dev.nemo.sdk.error;
    exports dev.nemo.sdk.json;
    exports dev.nemo.sdk.export;
    exports dev.nemo.sdk.session;
    exports dev.nemo.sdk.state;
    exports dev.nemo.sdk.credits;
    exports dev.nemo.sdk.assistant;
    exports dev.nemo.sdk.upload;
    exports dev.nemo.sdk.workflow;
}
