/**
 * An application module as a user writes it: it needs nothing but the SDK's module names.
 */
module dev.nemo.sdk.moduletest {
    requires dev.nemo.sdk;
    requires dev.nemo.sdk.reactive;

    exports dev.nemo.sdk.moduletest;
}
