/**
 * The SDK's own JSON values: {@link dev.nemo.sdk.json.JsonValue} and its six kinds
 * ({@link dev.nemo.sdk.json.JsonObject}, {@link dev.nemo.sdk.json.JsonArray},
 * {@link dev.nemo.sdk.json.JsonString}, {@link dev.nemo.sdk.json.JsonNumber},
 * {@link dev.nemo.sdk.json.JsonBoolean}, {@link dev.nemo.sdk.json.JsonNull}).
 *
 * <p>Every JSON value in the public API (draft fields, tool-call arguments, raw responses) is one
 * of these, so the SDK's public API does not depend on the JSON library it uses inside. Values
 * are immutable, compare by value, keep the order of object keys and keep numbers in the exact
 * form they were written ({@code 1.0} stays {@code 1.0}).
 *
 * <pre>{@code
 * JsonValue v = JsonValue.parse("{\"volume\":0.50,\"tags\":[\"a\",\"b\"]}");
 * v.get("volume").flatMap(JsonValue::asNumber).map(JsonNumber::text);   // Optional["0.50"]
 * v.get("tags").flatMap(t -> t.at(1)).flatMap(JsonValue::asString);    // Optional["b"]
 * JsonObject o = JsonObject.builder().put("title", "Urban Dreams").put("fps", 30).build();
 * o.toJson();                                                           // {"title":"Urban Dreams","fps":30}
 * }</pre>
 */
@NullMarked
package dev.nemo.sdk.json;

import org.jspecify.annotations.NullMarked;
