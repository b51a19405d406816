/** A module-path consumer of the SDK, used by the build to check the SDK's module descriptors. */
@NullMarked
package dev.nemo.sdk.moduletest;

import org.jspecify.annotations.NullMarked;
