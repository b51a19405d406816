package dev.nemo.sdk.draft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSON model for property tests: the generator builds it, renders it as text (with odd number
 * forms and whitespace), and then checks a Jackson tree against it exactly: key order, integer vs
 * decimal, the value and scale of every number.
 */
sealed interface JsonModel {

    record Obj(List<Map.Entry<String, JsonModel>> entries) implements JsonModel {
        Obj with(String key, JsonModel value) {
            List<Map.Entry<String, JsonModel>> out = new ArrayList<>();
            boolean replaced = false;
            for (Map.Entry<String, JsonModel> e : entries) {
                if (e.getKey().equals(key)) {
                    out.add(Map.entry(key, value));
                    replaced = true;
                } else {
                    out.add(e);
                }
            }
            if (!replaced) {
                out.add(Map.entry(key, value));
            }
            return new Obj(out);
        }

        JsonModel get(String key) {
            for (Map.Entry<String, JsonModel> e : entries) {
                if (e.getKey().equals(key)) {
                    return e.getValue();
                }
            }
            return null;
        }
    }

    record Arr(List<JsonModel> items) implements JsonModel {
        Arr set(int index, JsonModel value) {
            List<JsonModel> out = new ArrayList<>(items);
            out.set(index, value);
            return new Arr(out);
        }

        Arr remove(int index) {
            List<JsonModel> out = new ArrayList<>(items);
            out.remove(index);
            return new Arr(out);
        }

        Arr add(JsonModel value) {
            List<JsonModel> out = new ArrayList<>(items);
            out.add(value);
            return new Arr(out);
        }
    }

    /** A number literal exactly as it appears in the text. */
    record Num(String literal) implements JsonModel {
        boolean integral() {
            return !literal.contains(".") && !literal.contains("e") && !literal.contains("E");
        }
    }

    record Str(String value) implements JsonModel {}

    record Bool(boolean value) implements JsonModel {}

    record Null() implements JsonModel {}

    static String render(JsonModel m, boolean spaced) {
        StringBuilder sb = new StringBuilder();
        render(m, spaced, sb);
        return sb.toString();
    }

    private static void render(JsonModel m, boolean spaced, StringBuilder sb) {
        String ws = spaced ? " \n\t" : "";
        if (m instanceof Obj o) {
            sb.append('{').append(ws);
            for (int i = 0; i < o.entries().size(); i++) {
                if (i > 0) {
                    sb.append(',').append(ws);
                }
                string(o.entries().get(i).getKey(), sb);
                sb.append(ws).append(':').append(ws);
                render(o.entries().get(i).getValue(), spaced, sb);
            }
            sb.append(ws).append('}');
        } else if (m instanceof Arr a) {
            sb.append('[').append(ws);
            for (int i = 0; i < a.items().size(); i++) {
                if (i > 0) {
                    sb.append(',').append(ws);
                }
                render(a.items().get(i), spaced, sb);
            }
            sb.append(ws).append(']');
        } else if (m instanceof Num n) {
            sb.append(n.literal());
        } else if (m instanceof Str s) {
            string(s.value(), sb);
        } else if (m instanceof Bool b) {
            sb.append(b.value());
        } else {
            sb.append("null");
        }
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }

    /** Asserts that {@code node} is exactly {@code m}: same key order, number forms and values. */
    /** Checks a public JSON value through its exact internal tree (the conversion keeps every number form). */
    static void check(JsonModel m, dev.nemo.sdk.json.JsonValue value, String path) {
        check(m, dev.nemo.sdk.internal.json.JsonValues.toJackson(value), path);
    }

    static void check(JsonModel m, JsonNode node, String path) {
        if (m instanceof Obj o) {
            assertThat(node.isObject()).as(path + " is an object").isTrue();
            assertThat(node.size()).as(path + " size").isEqualTo(o.entries().size());
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            for (Map.Entry<String, JsonModel> e : o.entries()) {
                Map.Entry<String, JsonNode> f = fields.next();
                assertThat(f.getKey()).as(path + " key order").isEqualTo(e.getKey());
                check(e.getValue(), f.getValue(), path + "." + e.getKey());
            }
        } else if (m instanceof Arr a) {
            assertThat(node.isArray()).as(path + " is an array").isTrue();
            assertThat(node.size()).as(path + " size").isEqualTo(a.items().size());
            for (int i = 0; i < a.items().size(); i++) {
                check(a.items().get(i), node.get(i), path + "[" + i + "]");
            }
        } else if (m instanceof Num n) {
            if (n.integral()) {
                assertThat(node.isIntegralNumber())
                        .as(path + " stays an integer: " + n.literal())
                        .isTrue();
                assertThat(node.bigIntegerValue()).as(path).isEqualTo(new BigInteger(n.literal()));
            } else {
                assertThat(node.isBigDecimal())
                        .as(path + " stays an exact decimal: " + n.literal())
                        .isTrue();
                // equals, not compareTo: the scale (1.50 vs 1.5) is kept too
                assertThat(node.decimalValue()).as(path).isEqualTo(new BigDecimal(n.literal()));
            }
        } else if (m instanceof Str s) {
            assertThat(node.isTextual()).as(path + " is text").isTrue();
            assertThat(node.textValue()).as(path).isEqualTo(s.value());
        } else if (m instanceof Bool b) {
            assertThat(node.isBoolean() && node.booleanValue() == b.value())
                    .as(path)
                    .isTrue();
        } else {
            assertThat(node.isNull()).as(path + " is null").isTrue();
        }
    }
}
