package dev.nemo.sdk.draft;

import dev.nemo.sdk.draft.JsonModel.Arr;
import dev.nemo.sdk.draft.JsonModel.Bool;
import dev.nemo.sdk.draft.JsonModel.Null;
import dev.nemo.sdk.draft.JsonModel.Num;
import dev.nemo.sdk.draft.JsonModel.Obj;
import dev.nemo.sdk.draft.JsonModel.Str;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators of draft JSON with unknown keys, odd numbers and (for the wild ones) odd shapes. */
final class DraftGenerators {
    private DraftGenerators() {}

    /** Number literals: small, long, beyond long, decimals with trailing zeros, exponents, negative zero. */
    static Arbitrary<Num> numbers() {
        Arbitrary<String> small = Arbitraries.integers().between(-1000, 100_000).map(String::valueOf);
        Arbitrary<String> longs = Arbitraries.longs().map(String::valueOf);
        Arbitrary<String> huge = Arbitraries.strings()
                .numeric()
                .ofMinLength(19)
                .ofMaxLength(40)
                .map(s -> "1" + s)
                .flatMap(s -> Arbitraries.of("", "-").map(sign -> sign + s));
        Arbitrary<String> decimals = Combinators.combine(
                        Arbitraries.of("", "-"),
                        Arbitraries.integers().between(0, 99999),
                        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12),
                        Arbitraries.of("", "", "e5", "E-7", "e+12", "E400", "e-400"))
                .as((sign, i, frac, exp) -> sign + i + "." + frac + exp);
        Arbitrary<String> exponents = Combinators.combine(
                        Arbitraries.of("", "-"),
                        Arbitraries.integers().between(0, 999),
                        Arbitraries.of("e", "E", "e+", "E-"),
                        Arbitraries.integers().between(0, 500))
                .as((sign, m, e, x) -> sign + m + e + x);
        Arbitrary<String> specials = Arbitraries.of(
                "0",
                "-0",
                "-0.0",
                "0.000",
                "1.0",
                "1.50",
                "1e400",
                "1E-400",
                "9223372036854775807",
                "9223372036854775808",
                "-9223372036854775809",
                "0.1",
                "100.00");
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(4, small), net.jqwik.api.Tuple.of(1, longs),
                        net.jqwik.api.Tuple.of(1, huge), net.jqwik.api.Tuple.of(3, decimals),
                        net.jqwik.api.Tuple.of(1, exponents), net.jqwik.api.Tuple.of(2, specials))
                .map(Num::new);
    }

    static Arbitrary<Str> strings() {
        Arbitrary<String> plain =
                Arbitraries.strings().withCharRange('\u0000', '\ud7ff').ofMaxLength(12);
        Arbitrary<String> emoji = Arbitraries.of("🎬 intro", "Lo-fi ♪", "“quoted”", "tab\there", "城市", "");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, plain), net.jqwik.api.Tuple.of(1, emoji))
                .map(Str::new);
    }

    /** Any JSON value, nested at most {@code depth} levels. */
    static Arbitrary<JsonModel> anyValue(int depth) {
        Arbitrary<JsonModel> leaf = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, numbers().map(n -> (JsonModel) n)),
                net.jqwik.api.Tuple.of(3, strings().map(s -> (JsonModel) s)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(true, false).map(b -> (JsonModel) new Bool(b))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((JsonModel) new Null())));
        if (depth <= 0) {
            return leaf;
        }
        Arbitrary<JsonModel> arr = anyValue(depth - 1).list().ofMaxSize(3).map(l -> (JsonModel) new Arr(l));
        Arbitrary<JsonModel> obj = object(unknownEntries(depth - 1, 3), List.of());
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, leaf), net.jqwik.api.Tuple.of(1, arr), net.jqwik.api.Tuple.of(1, obj));
    }

    /** Unknown keys (prefixed so they never collide with known ones) with any values. */
    static Arbitrary<List<Map.Entry<String, JsonModel>>> unknownEntries(int depth, int max) {
        Arbitrary<String> keys = Arbitraries.strings()
                .withCharRange('a', 'z')
                .ofMinLength(1)
                .ofMaxLength(5)
                .map(k -> "x_" + k);
        return Combinators.combine(keys, anyValue(Math.max(depth, 0)))
                .as((k, v) -> Map.entry(k, v))
                .list()
                .ofMaxSize(max)
                .uniqueElements(Map.Entry::getKey);
    }

    /** An object of the known entries (absent ones skipped) and unknown ones, in a random order. */
    @SafeVarargs
    static Arbitrary<JsonModel> object(
            Arbitrary<List<Map.Entry<String, JsonModel>>> unknown,
            List<Arbitrary<Map.Entry<String, JsonModel>>>... knownGroups) {
        List<Arbitrary<Map.Entry<String, JsonModel>>> known = new ArrayList<>();
        for (List<Arbitrary<Map.Entry<String, JsonModel>>> g : knownGroups) {
            known.addAll(g);
        }
        Arbitrary<List<Map.Entry<String, JsonModel>>> knownList = known.isEmpty()
                ? Arbitraries.just(List.of())
                : Combinators.combine(known).as(l -> l);
        return Combinators.combine(knownList, unknown)
                .as((k, u) -> {
                    List<Map.Entry<String, JsonModel>> all = new ArrayList<>();
                    k.stream().filter(e -> e.getValue() != null).forEach(all::add);
                    all.addAll(u);
                    return all;
                })
                .flatMap(Arbitraries::shuffle)
                .map(l -> (JsonModel) new Obj(l));
    }

    /** An entry that is present with probability about 3/4. */
    static Arbitrary<Map.Entry<String, JsonModel>> maybe(String key, Arbitrary<? extends JsonModel> value) {
        Arbitrary<Map.Entry<String, JsonModel>> present = value.map(v -> Map.entry(key, (JsonModel) v));
        Arbitrary<Map.Entry<String, JsonModel>> absent =
                Arbitraries.just(new java.util.AbstractMap.SimpleEntry<>(key, null));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, present), net.jqwik.api.Tuple.of(1, absent));
    }

    static Arbitrary<Map.Entry<String, JsonModel>> always(String key, Arbitrary<? extends JsonModel> value) {
        return value.map(v -> Map.entry(key, (JsonModel) v));
    }

    static Arbitrary<JsonModel> segment() {
        Arbitrary<JsonModel> ms = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 600_000).map(i -> (JsonModel) new Num(String.valueOf(i))),
                numbers().map(n -> (JsonModel) n));
        Arbitrary<JsonModel> volume = Arbitraries.oneOf(
                Arbitraries.of("0", "1", "0.35", "0.350", "1.0", "0.5", "2.5e-1")
                        .map(s -> (JsonModel) new Num(s)),
                numbers().map(n -> (JsonModel) n));
        return object(
                unknownEntries(1, 3),
                List.of(
                        maybe("start", ms),
                        maybe("duration", ms),
                        maybe("label", strings()),
                        maybe("text", strings()),
                        maybe("volume", volume)));
    }

    static Arbitrary<JsonModel> track() {
        Arbitrary<JsonModel> tt = Arbitraries.oneOf(
                Arbitraries.of("0", "1", "7").map(s -> (JsonModel) new Num(s)),
                Arbitraries.integers().between(-3, 20).map(i -> (JsonModel) new Num(String.valueOf(i))));
        Arbitrary<JsonModel> sg = segment().list().ofMaxSize(4).map(l -> (JsonModel) new Arr(l));
        return object(unknownEntries(1, 2), List.of(maybe("tt", tt), always("sg", sg)));
    }

    /** Drafts of the documented shape, with unknown keys and odd numbers everywhere. */
    static Arbitrary<JsonModel> draft() {
        Arbitrary<JsonModel> t = track().list().ofMaxSize(5).map(l -> (JsonModel) new Arr(l));
        Arbitrary<JsonModel> m = object(
                unknownEntries(1, 3),
                List.of(maybe("title", strings()), maybe("width", numbers()), maybe("height", numbers())));
        return object(unknownEntries(2, 4), List.of(maybe("t", t), maybe("d", numbers()), maybe("m", m)));
    }

    /** Drafts where any documented field may have any shape. */
    static Arbitrary<JsonModel> wildDraft() {
        Arbitrary<JsonModel> wildSegment = Arbitraries.oneOf(
                segment(),
                anyValue(2),
                object(
                        unknownEntries(0, 1),
                        List.of(
                                maybe("start", anyValue(1)),
                                maybe("duration", anyValue(1)),
                                maybe("label", anyValue(1)),
                                maybe("text", anyValue(1)),
                                maybe("volume", anyValue(1)))));
        Arbitrary<JsonModel> wildTrack = Arbitraries.oneOf(
                track(),
                anyValue(2),
                object(
                        unknownEntries(0, 1),
                        List.of(
                                maybe("tt", anyValue(1)),
                                maybe(
                                        "sg",
                                        Arbitraries.oneOf(
                                                wildSegment.list().ofMaxSize(3).map(l -> (JsonModel) new Arr(l)),
                                                anyValue(1))))));
        Arbitrary<JsonModel> t =
                Arbitraries.oneOf(wildTrack.list().ofMaxSize(4).map(l -> (JsonModel) new Arr(l)), anyValue(2));
        return object(unknownEntries(1, 2), List.of(maybe("t", t), maybe("d", anyValue(1)), maybe("m", anyValue(2))));
    }
}
